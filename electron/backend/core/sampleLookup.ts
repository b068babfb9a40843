/** The id the sample loader gave a named record; a name the sample does not define is a bug in the sample. */
export function lookup(ids: Map<string, string>, name: string): string {
  const id = ids.get(name);
  if (!id) throw new Error(`The sample data names “${name}”, which it does not define.`);
  return id;
}
