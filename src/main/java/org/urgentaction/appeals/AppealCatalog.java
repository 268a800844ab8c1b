package org.urgentaction.appeals;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.cache.annotation.CacheEvict;
import org.springframework.cache.annotation.Cacheable;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import org.urgentaction.targets.TargetDirectory;
import org.urgentaction.web.Caches;
import org.urgentaction.web.PublicContentCache;

/**
 * What the public sees of appeals: published and closed ones, never drafts. The list is plain SQL
 * so it reads only the columns it shows and uses the full-text index.
 */
@NamedInterface("api")
@Service
@Transactional(readOnly = true)
public class AppealCatalog implements PublicContentCache {

    // Open appeals (published, deadline today or later, or none) first, soonest deadline first;
    // then the rest, most recent first.
    private static final String OPEN = "(a.status = 'PUBLISHED' and (a.deadline is null or a.deadline >= :today))";
    private static final String ORDER = """
            order by %1$s desc,
                     case when %1$s then a.deadline end asc nulls last,
                     coalesce(a.closed_on, a.deadline, a.issued_on) desc nulls last,
                     a.id desc
            """.formatted(OPEN);

    private final JdbcClient jdbc;
    private final AppealRepository appeals;
    private final ActionTotals totals;
    private final TargetDirectory directory;
    private final Clock clock;

    AppealCatalog(
            JdbcClient jdbc, AppealRepository appeals, ActionTotals totals, TargetDirectory directory, Clock clock) {
        this.jdbc = jdbc;
        this.appeals = appeals;
        this.totals = totals;
        this.directory = directory;
        this.clock = clock;
    }

    // No transaction: the page's three statements need no common snapshot (a count a moment older
    // than the rows is harmless), and a transaction would add round trips and a JPA session.
    // SUPPORTS still lets the three share one pooled connection.
    @Transactional(propagation = Propagation.SUPPORTS)
    public Page<AppealListItem> list(AppealSearch search, Pageable pageable) {
        LocalDate today = LocalDate.now(clock);
        Map<String, Object> params = new LinkedHashMap<>();
        String where = whereMatching(search, params);
        long total = jdbc.sql("select count(*) from appeal a " + where)
                .params(params)
                .query(Long.class)
                .single();
        if (total == 0) {
            return Page.empty(pageable);
        }
        params.put("today", Date.valueOf(today));
        params.put("limit", pageable.getPageSize());
        params.put("offset", pageable.getOffset());
        List<AppealCard> cards = jdbc.sql("""
                        select a.id, a.slug, coalesce(a.follow_up_label, a.reference_code) as reference, a.title,
                               a.country, a.summary, a.deadline, a.status, a.outcome,
                               array(select p.name || coalesce(' (' || p.native_name || ')', '') from person_at_risk p
                                     where p.appeal_id = a.id order by p.position) as people
                        from appeal a
                        """ + where + "\n" + ORDER + " limit :limit offset :offset")
                .params(params)
                .query((rs, n) -> new AppealCard(
                        rs.getLong("id"),
                        rs.getString("slug"),
                        rs.getString("reference"),
                        rs.getString("title"),
                        rs.getString("country"),
                        rs.getString("summary"),
                        rs.getObject("deadline", LocalDate.class),
                        deadlineStateOf(rs, today),
                        List.of((String[]) rs.getArray("people").getArray())))
                .list();
        Map<Long, Long> actions =
                totals.actionsByAppeal(cards.stream().map(AppealCard::id).toList());
        List<AppealListItem> items = cards.stream()
                .map(card -> new AppealListItem(card, actions.getOrDefault(card.id(), 0L)))
                .toList();
        return new PageImpl<>(items, pageable, total);
    }

    /** The public appeals a search matches, as SQL with named parameters (added to {@code params}). */
    private static String whereMatching(AppealSearch search, Map<String, Object> params) {
        StringBuilder where = new StringBuilder("where a.status in ('PUBLISHED', 'CLOSED')");
        if (search.query() != null) {
            where.append(" and a.search_vector @@ websearch_to_tsquery('english', :query)");
            params.put("query", search.query());
        }
        if (search.country() != null) {
            where.append(" and a.country = :country");
            params.put("country", search.country().toUpperCase());
        }
        if (search.theme() != null) {
            where.append(" and a.themes @> array[cast(:theme as text)]");
            params.put("theme", search.theme());
        }
        return where.toString();
    }

    public Optional<AppealDetails> findPublic(String slug) {
        return appeals.findBySlug(slug).filter(Appeal::isPublic).map(this::details);
    }

    /** Any appeal, drafts too, for staff pages. */
    public AppealDetails getForStaff(long id) {
        return appeals.findById(id)
                .map(this::details)
                .orElseThrow(() -> new AppealNotFoundException(String.valueOf(id)));
    }

    /** @throws AppealNotFoundException (a 404 page) when there is no public appeal by that name */
    public AppealDetails getPublic(String slug) {
        return findPublic(slug).orElseThrow(() -> new AppealNotFoundException(slug));
    }

    private AppealDetails details(Appeal appeal) {
        return AppealDetails.of(
                appeal,
                appeals.findByFollowUpOfAndStatusNot(appeal, AppealStatus.DRAFT),
                directory.officialsOf(appeal.targetIds()),
                LocalDate.now(clock));
    }

    /** @throws AppealNotFoundException (a 404 page) when there is no public appeal by that name */
    @Transactional(propagation = Propagation.SUPPORTS) // one query: no transaction around it
    public ReportableAppeal reportable(String slug) {
        LocalDate today = LocalDate.now(clock);
        return jdbc.sql("""
                        select a.id, a.status, a.deadline, a.outcome,
                               array(select t.target_id from appeal_target t where t.appeal_id = a.id) as target_ids,
                               array(select k.kind from appeal_action k where k.appeal_id = a.id) as actions
                        from appeal a where a.slug = :slug and a.status <> 'DRAFT'
                        """)
                .param("slug", slug)
                .query((rs, n) -> new ReportableAppeal(
                        rs.getLong("id"),
                        deadlineStateOf(rs, today),
                        // A HashSet: a form may carry an empty target id (null), which must be "not on the appeal".
                        new HashSet<>(
                                Arrays.asList((Long[]) rs.getArray("target_ids").getArray())),
                        actionsOf(rs)))
                .optional()
                .orElseThrow(() -> new AppealNotFoundException(slug));
    }

    /** @throws AppealNotFoundException (a 404 page) when there is no public appeal by that name */
    @Transactional(propagation = Propagation.SUPPORTS) // one query: no transaction around it
    public ReportFormAppeal reportForm(String slug) {
        LocalDate today = LocalDate.now(clock);
        Optional<ReportFormAppeal> found = jdbc.sql("""
                        select a.id, a.slug, coalesce(a.follow_up_label, a.reference_code) as reference, a.title,
                               a.status, a.deadline, a.outcome, t.id as target_id, t.name as target_name, t.title as target_title,
                               array(select k.kind from appeal_action k where k.appeal_id = a.id) as actions
                        from appeal a
                        left join appeal_target at on at.appeal_id = a.id
                        left join target t on t.id = at.target_id
                        where a.slug = :slug and a.status <> 'DRAFT'
                        order by at.position
                        """).param("slug", slug).query(rows -> {
            ReportFormAppeal appeal = null;
            List<ReportFormAppeal.Official> officials = new ArrayList<>();
            while (rows.next()) {
                if (appeal == null) {
                    appeal = new ReportFormAppeal(
                            rows.getLong("id"),
                            rows.getString("slug"),
                            rows.getString("reference"),
                            rows.getString("title"),
                            deadlineStateOf(rows, today),
                            officials,
                            actionsOf(rows));
                }
                long targetId = rows.getLong("target_id");
                if (!rows.wasNull()) {
                    officials.add(new ReportFormAppeal.Official(
                            targetId, rows.getString("target_name"), rows.getString("target_title")));
                }
            }
            return Optional.ofNullable(appeal); // (JdbcClient refuses a null result)
        });
        return found.orElseThrow(() -> new AppealNotFoundException(slug));
    }

    private static Set<ActionKind> actionsOf(ResultSet row) throws SQLException {
        Set<ActionKind> kinds = EnumSet.noneOf(ActionKind.class);
        for (String kind : (String[]) row.getArray("actions").getArray()) {
            kinds.add(ActionKind.valueOf(kind));
        }
        return kinds;
    }

    /** Countries that have public appeals, for the filter (every list page shows them: kept). */
    @Cacheable(cacheNames = Caches.FILTER_OPTIONS, key = "'countries'")
    @Transactional(propagation = Propagation.SUPPORTS) // usually kept: no transaction for nothing
    public List<String> countries() {
        return jdbc.sql("select distinct country from appeal where status <> 'DRAFT' order by country")
                .query(String.class)
                .list();
    }

    /** Themes of public appeals, for the filter. */
    @Cacheable(cacheNames = Caches.FILTER_OPTIONS, key = "'themes'")
    @Transactional(propagation = Propagation.SUPPORTS)
    public List<String> themes() {
        return jdbc.sql("select distinct unnest(themes) as theme from appeal where status <> 'DRAFT' order by theme")
                .query(String.class)
                .list();
    }

    /** Forgets the filters' choices; web.PublicContentNotifications calls it after a committed change. */
    @Override
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    @CacheEvict(cacheNames = Caches.FILTER_OPTIONS, allEntries = true)
    public void forgetAll() {
        // The annotation does it.
    }

    /** Where the appeal of this row stands today, from its status, deadline and outcome (null until closed) columns. */
    private static DeadlineState deadlineStateOf(ResultSet row, LocalDate today) throws SQLException {
        String outcome = row.getString("outcome");
        return DeadlineState.of(
                AppealStatus.valueOf(row.getString("status")),
                row.getObject("deadline", LocalDate.class),
                outcome == null ? null : Outcome.valueOf(outcome),
                today);
    }
}
