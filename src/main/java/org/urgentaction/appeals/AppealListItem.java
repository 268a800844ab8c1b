package org.urgentaction.appeals;

import java.time.LocalDate;
import java.util.List;

/** One row of the public appeal list. */
public record AppealListItem(long id, String slug, String reference, String title, String country,
                             String summary, LocalDate deadline, DeadlineState deadlineState,
                             List<String> people, long actions) {
}
