// The part of jsdom the tests use (its strict XML parser), instead of adding @types/jsdom for one call.
declare module 'jsdom' {
  export class JSDOM {
    constructor(html?: string);
    readonly window: { DOMParser: typeof DOMParser };
  }
}
