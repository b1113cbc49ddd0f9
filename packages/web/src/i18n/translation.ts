import type { nl } from './nl';

type Widen<T> = { readonly [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };

/** The shape of a resource file: Dutch's keys, any strings. */
export type Translation = Widen<typeof nl>;
