// Live updates on a workspace on PostgreSQL (issue 20), the rules without the page: how the
// header names the others who have the workspace open, and whether a change another desk
// made redraws the screen now or waits until the user is done editing. Pure, for node's tests.

/**
 * The other windows on the workspace as the header names them: each user, with the number of
 * their windows when more than one ("anna, ben (2 windows)"); '' when nobody else.
 */
export function othersText(t, others) {
  return (others ?? [])
    .map(({ user, windows }) => (windows > 1 ? t('live.user_windows', { user, count: windows }) : user))
    .join(', ');
}

/**
 * What a change committed on another desk does to the screen: `redraw` it at once, or `hold`
 * while the user is editing (typed into a form of the screen since it was drawn, or has a
 * dialog open or a long job's progress on the screen), so that nothing they typed is
 * overwritten; the header then says so.
 */
export function onOthersChange({ edited, dialogOpen }) {
  return edited || dialogOpen ? 'hold' : 'redraw';
}
