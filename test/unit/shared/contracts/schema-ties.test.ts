import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { exactlyOneOf, type ArgSchemas } from '../../../../shared/contracts/api/common';
import { workspaceTarget } from '../../../../shared/contracts/api/workspace-api';

type Api = { 'thing.save': (a: { name: string; count: number }) => Promise<void> };

describe('argument schemas tied to their types', () => {
  it('does not compile a schema that drifted from its method argument (checked by tsc)', () => {
    // @ts-expect-error 'count' is missing from the schema: a drifted schema is a type error.
    const drifted: ArgSchemas<Api> = { 'thing.save': z.object({ name: z.string() }) };
    // @ts-expect-error 'count' has another type in the schema.
    const retyped: ArgSchemas<Api> = { 'thing.save': z.object({ name: z.string(), count: z.string() }) };
    const tied: ArgSchemas<Api> = { 'thing.save': z.object({ name: z.string(), count: z.number() }) };
    // The assertions are the @ts-expect-error lines (typecheck fails if either compiles); at run time the
    // drifted schemas still parse, which is exactly what a type tie prevents from going unnoticed.
    expect(drifted['thing.save'].safeParse({ name: 'a' }).success).toBe(true);
    expect(retyped['thing.save'].safeParse({ name: 'a', count: '1' }).success).toBe(true);
    expect(tied['thing.save'].safeParse({ name: 'a', count: 1 }).success).toBe(true);
  });

  it('exactlyOneOf accepts one of the two keys and refuses none or both', () => {
    const s = exactlyOneOf(z.object({ path: z.string().optional(), upload: z.string().optional(), n: z.number() }).strict(), 'path', 'upload', 'give exactly one of path or upload');
    expect(s.safeParse({ path: '/a', n: 1 }).success).toBe(true);
    expect(s.safeParse({ upload: 'u', n: 1 }).success).toBe(true);
    expect(s.safeParse({ n: 1 }).error?.issues[0]?.message).toBe('give exactly one of path or upload');
    expect(s.safeParse({ path: '/a', upload: 'u', n: 1 }).success).toBe(false);
    expect(workspaceTarget({ readOnly: z.boolean().optional() }).safeParse({ name: 'Plan', readOnly: true }).success).toBe(true);
  });
});
