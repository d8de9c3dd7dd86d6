/**
 * A DataTransfer for drag-and-drop in component tests: happy-dom's drag events carry none, so a
 * test passes this one to every event of one drag, and the drop reads what dragstart set.
 */
export function dataTransfer() {
  const data = new Map<string, string>();
  return {
    get types() { return [...data.keys()]; },
    setData: (type: string, value: string) => { data.set(type, value); },
    getData: (type: string) => data.get(type) ?? '',
    setDragImage: () => undefined,
    effectAllowed: 'all',
    dropEffect: 'none',
  };
}
