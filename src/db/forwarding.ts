/**
 * `target` with some methods replaced; every other property is read from `target` and its
 * methods run bound to it (adapters keep private fields, which a plain proxy would break).
 */
export function forwarding<T extends object>(target: T, overrides: Partial<T>): T {
  return new Proxy(target, {
    get(object, property) {
      if (Object.hasOwn(overrides, property)) return overrides[property as keyof T];
      const value = Reflect.get(object, property, object);
      return typeof value === 'function' ? value.bind(object) : value;
    },
  });
}
