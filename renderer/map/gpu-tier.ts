let software: boolean | null = null;

/** Renderer names of WebGL implementations that rasterise on the CPU. */
const SOFTWARE = /swiftshader|llvmpipe|softpipe|software|basic render/i;

/** Whether WebGL renders in software here (asked once, on a throwaway canvas). */
export function isSoftwareWebgl(): boolean {
  if (software !== null) return software;
  software = false;
  try {
    const gl = document.createElement('canvas').getContext('webgl2') as WebGL2RenderingContext | null;
    if (!gl) return (software = true);
    const ext = gl.getExtension('WEBGL_debug_renderer_info');
    const name = String(ext ? gl.getParameter(ext.UNMASKED_RENDERER_WEBGL) : gl.getParameter(gl.RENDERER));
    software = SOFTWARE.test(name);
    gl.getExtension('WEBGL_lose_context')?.loseContext();
  } catch {
    software = true;
  }
  return software;
}
