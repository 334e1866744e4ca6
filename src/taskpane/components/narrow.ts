/**
 * The pane's one breakpoint. Excel opens task panes about 320–350 px wide, so every panel is laid
 * out for that first; from 600 px (a widened pane, the standalone page) tables show all their
 * columns. A task pane's viewport is the pane itself, so a media query on the width measures it.
 */
import { makeStyles } from '@fluentui/react-components';

export const NARROW = '@media (max-width: 599.98px)';
export const WIDE = '@media (min-width: 600px)';

/** Show-on-one-side helpers shared by the panels' tables. */
export const useNarrowStyles = makeStyles({
  /** Left out of a narrow pane (the cell stays in the table, so wide and narrow read the same rows). */
  wideOnly: { [NARROW]: { display: 'none' } },
  /** Only in a narrow pane (a switch that picks the one column shown). */
  narrowOnly: { [WIDE]: { display: 'none' } },
});
