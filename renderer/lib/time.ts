/** A recording time as `mm:ss`, or `h:mm:ss` from the first hour on: the core's one formatting, as the report and exports write it. */
export { formatClock as formatTimestamp } from '../../src/domain/recordings';
