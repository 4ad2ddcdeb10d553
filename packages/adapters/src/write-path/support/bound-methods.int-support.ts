/** The object's methods (own and inherited) bound to it, so spreading it into a wrapper keeps them working. */
export function boundMethods<T extends object>(target: T): Pick<T, keyof T> {
  const out: Record<string, unknown> = {};
  for (let o: object | null = target; o && o !== Object.prototype; o = Object.getPrototypeOf(o)) {
    for (const key of Object.getOwnPropertyNames(o)) {
      const value = (target as Record<string, unknown>)[key];
      if (key !== 'constructor' && !(key in out) && typeof value === 'function')
        out[key] = value.bind(target);
    }
  }
  return out as T;
}
