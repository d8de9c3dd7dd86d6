import { boxesOverlap } from '../../src/domain/map-geometry';
import type { FigureLayout } from '../../src/map/figure-layout';

/**
 * Every link label of a laid-out figure that lies over a node's box or over another label,
 * as readable sentences (empty when the figure is clean).
 */
export function labelClashes(layout: FigureLayout): string[] {
  const labels = layout.lines.flatMap((l) => (l.label ? [{ id: l.id, ...l.label }] : []));
  const clashes: string[] = [];
  for (const label of labels) {
    for (const node of layout.nodes) {
      if (boxesOverlap(label.box, node.box)) clashes.push(`label "${label.text}" (link ${label.id}) over ${node.kind} "${node.lines.map((t) => t.text).join(' ')}"`);
    }
  }
  for (let i = 0; i < labels.length; i++) {
    for (let j = i + 1; j < labels.length; j++) {
      if (boxesOverlap(labels[i]!.box, labels[j]!.box)) clashes.push(`label "${labels[i]!.text}" over label "${labels[j]!.text}"`);
    }
  }
  return clashes;
}
