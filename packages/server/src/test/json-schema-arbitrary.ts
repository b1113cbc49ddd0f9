import fc from 'fast-check';

/**
 * The part of JSON Schema (as @fastify/swagger writes the zod schemas into OpenAPI 3.0) that the
 * route matrix and the fuzz test read: enough to build one valid value, or many valid and hostile
 * ones with fast-check. No maintained converter covers zod 4's OpenAPI output, and this is small.
 */
export interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  nullable?: boolean;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  format?: string;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number | boolean;
  exclusiveMaximum?: number | boolean;
  minItems?: number;
  maxItems?: number;
  default?: unknown;
}

const FIXED_UUID = '0b9e7a52-4c1d-4f3a-9b2e-5d6c7a8b9c0d';

function typeOf(schema: JsonSchema): string | undefined {
  if (Array.isArray(schema.type)) return schema.type.find((t) => t !== 'null');
  if (schema.type) return schema.type;
  if (schema.properties) return 'object';
  if (schema.items) return 'array';
  return undefined;
}

function choices(schema: JsonSchema): JsonSchema[] | undefined {
  return schema.anyOf ?? schema.oneOf;
}

function numberBounds(schema: JsonSchema, isInteger: boolean): { min: number; max: number } {
  const step = isInteger ? 1 : 0.001;
  let min = schema.minimum ?? -1_000_000;
  let max = schema.maximum ?? 1_000_000;
  if (typeof schema.exclusiveMinimum === 'number') min = schema.exclusiveMinimum + step;
  else if (schema.exclusiveMinimum === true) min += step;
  if (typeof schema.exclusiveMaximum === 'number') max = schema.exclusiveMaximum - step;
  else if (schema.exclusiveMaximum === true) max -= step;
  return {
    min: Math.max(min, Number.MIN_SAFE_INTEGER),
    max: Math.min(max, Number.MAX_SAFE_INTEGER),
  };
}

/** One string the pattern accepts, found with a fixed seed (the same every run). */
function matchingString(schema: JsonSchema): string {
  const min = schema.minLength ?? 0;
  const max = schema.maxLength ?? Infinity;
  const [found] = fc.sample(
    fc
      .stringMatching(new RegExp(schema.pattern!))
      .filter((s) => s.length >= min && s.length <= max),
    { seed: 7, numRuns: 1 },
  );
  return found!;
}

/**
 * The smallest plain value the schema accepts: required properties only, the first enum value,
 * the minimum of a number, a string of the minimum length. Deterministic, so a test can send it
 * to check who may call an operation without the body deciding the answer.
 */
export function sampleValue(schema: JsonSchema): unknown {
  if (schema.const !== undefined) return schema.const;
  if (schema.enum) return schema.enum[0];
  const options = choices(schema);
  if (options) {
    const option = options.find((o) => typeOf(o) !== 'null' && o.enum?.[0] !== null) ?? options[0]!;
    return sampleValue(option);
  }
  if (schema.allOf) return sampleValue(Object.assign({}, ...schema.allOf) as JsonSchema);
  switch (typeOf(schema)) {
    case 'string':
      if (schema.format === 'uuid') return FIXED_UUID;
      if (schema.pattern) return matchingString(schema);
      if (schema.format === 'email') return 'sample@example.test';
      if (schema.format === 'date') return '2030-01-01';
      if (schema.format === 'date-time') return '2030-01-01T09:00:00.000Z';
      return 'sample text'.padEnd(schema.minLength ?? 0, 'x').slice(0, schema.maxLength ?? 11);
    case 'integer':
    case 'number': {
      const { min, max } = numberBounds(schema, typeOf(schema) === 'integer');
      return Math.min(Math.max(0, min), max);
    }
    case 'boolean':
      return false;
    case 'null':
      return null;
    case 'array':
      return Array.from({ length: schema.minItems ?? 0 }, () => sampleValue(schema.items ?? {}));
    case 'object': {
      const value: Record<string, unknown> = {};
      for (const key of schema.required ?? []) {
        value[key] = sampleValue(schema.properties?.[key] ?? {});
      }
      return value;
    }
    case undefined:
    default:
      return null;
  }
}

/** Values no schema expects: the hostile half of the fuzz. */
const MEGABYTE = 'x'.repeat(1024 * 1024);
function deeplyNested(depth: number): unknown {
  let value: unknown = 'bottom';
  for (let i = 0; i < depth; i++) value = i % 2 ? [value] : { a: value };
  return value;
}
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(
    '\u0000',
    'before\u0000after',
    MEGABYTE,
    `${MEGABYTE}\u0000`,
    '',
    ' ',
    '\ud800',
    '𝕂𝕝𝕚𝕜 👩🏽‍💻 ‮',
    "'; drop table person; --",
    '<script>alert(1)</script>',
    '../../../etc/passwd',
    '%00',
    'null',
    '2030-02-31',
  ),
  fc.constantFrom(
    0,
    -1,
    1e308,
    -1e308,
    2 ** 31,
    2 ** 63,
    Number.MAX_SAFE_INTEGER + 2,
    0.5,
    -0,
    true,
    null,
    [],
    {},
  ),
  fc.constant(deeplyNested(2_000)),
  fc.string({ unit: 'binary', maxLength: 30 }),
  fc.integer(),
  fc.double(),
  fc.jsonValue({ maxDepth: 3 }),
);

/** An object with `__proto__` / `constructor` / `prototype` as own keys (as JSON.parse makes). */
function withPrototypeKeys(value: unknown, key: string): unknown {
  const copy =
    typeof value === 'object' && value !== null && !Array.isArray(value) ? { ...value } : {};
  Object.defineProperty(copy, key, {
    value: { isPlatformAdmin: true, role: 'org_admin' },
    enumerable: true,
    configurable: true,
    writable: true,
  });
  return copy;
}

export interface ArbitraryOptions {
  /** Mix hostile values in at every level (about one in five). */
  hostile: boolean;
  /** Values for string fields named like these (real ids of seeded records). */
  knownIds?: readonly string[];
}

/** An arbitrary over values the schema accepts, or (hostile) mostly accepts. */
export function schemaArbitrary(
  schema: JsonSchema,
  options: ArbitraryOptions,
): fc.Arbitrary<unknown> {
  const valid = validArbitrary(schema, options, 0);
  if (!options.hostile) return valid;
  return fc.oneof({ weight: 4, arbitrary: valid }, { weight: 1, arbitrary: hostileValue });
}

function validArbitrary(
  schema: JsonSchema,
  options: ArbitraryOptions,
  depth: number,
): fc.Arbitrary<unknown> {
  const child = (s: JsonSchema) => schemaArbitrary0(s, options, depth + 1);
  let arbitrary: fc.Arbitrary<unknown>;
  const options_ = choices(schema);
  if (schema.const !== undefined) arbitrary = fc.constant(schema.const);
  else if (schema.enum) arbitrary = fc.constantFrom(...schema.enum);
  else if (options_) arbitrary = fc.oneof(...options_.map(child));
  else if (schema.allOf) arbitrary = child(Object.assign({}, ...schema.allOf) as JsonSchema);
  else {
    switch (typeOf(schema)) {
      case 'string': {
        const valid = stringArbitrary(schema, options);
        // A NUL inside an otherwise valid text passes validation: the case that reached the
        // database and answered 500, so it comes often.
        arbitrary = options.hostile
          ? fc.oneof(
              { weight: 3, arbitrary: valid },
              {
                weight: 1,
                arbitrary: fc.tuple(valid, fc.nat()).map(([text, at]) => {
                  const i = text.length === 0 ? 0 : at % text.length;
                  return `${text.slice(0, i)}\u0000${text.slice(i + 1)}`;
                }),
              },
            )
          : valid;
        break;
      }
      case 'integer': {
        const { min, max } = numberBounds(schema, true);
        arbitrary = fc.integer({ min: Math.ceil(min), max: Math.floor(max) });
        break;
      }
      case 'number': {
        const { min, max } = numberBounds(schema, false);
        arbitrary = fc.double({ min, max, noNaN: true, noDefaultInfinity: true });
        break;
      }
      case 'boolean':
        arbitrary = fc.boolean();
        break;
      case 'null':
        arbitrary = fc.constant(null);
        break;
      case 'array': {
        const minLength = schema.minItems ?? 0;
        const maxLength = Math.max(minLength, Math.min(schema.maxItems ?? 4, 4));
        arbitrary =
          depth > 6
            ? fc.constant([])
            : fc.array(child(schema.items ?? {}), { minLength, maxLength });
        break;
      }
      case 'object': {
        const properties = schema.properties ?? {};
        const model: Record<string, fc.Arbitrary<unknown>> = {};
        for (const [key, value] of Object.entries(properties)) model[key] = child(value);
        const requiredKeys = (schema.required ?? []).filter((key) => key in model);
        const record = fc.record(model, { requiredKeys });
        const extra = schema.additionalProperties;
        arbitrary =
          typeof extra === 'object'
            ? fc
                .tuple(
                  record,
                  fc.dictionary(fc.string({ minLength: 1, maxLength: 12 }), child(extra), {
                    maxKeys: 3,
                  }),
                )
                .map(([known, more]) => ({ ...more, ...known }))
            : record;
        break;
      }
      case undefined:
      default:
        arbitrary = fc.jsonValue({ maxDepth: 2 });
    }
  }
  if (schema.nullable) arbitrary = fc.option(arbitrary, { nil: null, freq: 5 });
  if (options.hostile && typeOf(schema) === 'object') {
    arbitrary = fc.oneof(
      { weight: 6, arbitrary },
      {
        weight: 1,
        arbitrary: fc
          .tuple(arbitrary, fc.constantFrom('__proto__', 'constructor', 'prototype'))
          .map(([value, key]) => withPrototypeKeys(value, key)),
      },
    );
  }
  return arbitrary;
}

/** Children are hostile one time in five when the whole is; valid otherwise. */
function schemaArbitrary0(
  schema: JsonSchema,
  options: ArbitraryOptions,
  depth: number,
): fc.Arbitrary<unknown> {
  const valid = validArbitrary(schema, options, depth);
  if (!options.hostile) return valid;
  return fc.oneof({ weight: 5, arbitrary: valid }, { weight: 1, arbitrary: hostileValue });
}

function stringArbitrary(schema: JsonSchema, options: ArbitraryOptions): fc.Arbitrary<string> {
  const minLength = schema.minLength ?? 0;
  const maxLength = Math.min(schema.maxLength ?? 60, Math.max(minLength, 60));
  if (schema.format === 'uuid') {
    return options.knownIds && options.knownIds.length > 0
      ? fc.oneof(fc.constantFrom(...options.knownIds), fc.uuid())
      : fc.uuid();
  }
  if (schema.pattern) {
    return fc
      .stringMatching(new RegExp(schema.pattern))
      .filter((s) => s.length >= minLength && s.length <= (schema.maxLength ?? Infinity));
  }
  if (schema.format === 'email') return fc.emailAddress();
  return fc.oneof(
    fc.string({ minLength, maxLength }),
    fc.string({ minLength, maxLength, unit: 'grapheme' }),
  );
}
