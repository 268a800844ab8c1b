package org.urgentaction.appeals;

/**
 * One row of the public appeal list: the card, which changes only when staff edit the appeal (or a
 * day passes), and the action count, which changes with every report.
 */
public record AppealListItem(AppealCard card, long actions) {}
