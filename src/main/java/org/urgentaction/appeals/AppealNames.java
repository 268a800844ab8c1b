package org.urgentaction.appeals;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Component;

/** What another module shows of an appeal it links to (an event's appeals): its name and where it is. */
@NamedInterface("api")
@Component
public class AppealNames {

    /** @param isPublic published or closed: supporters can open its page */
    public record AppealName(long id, String slug, String reference, String title, boolean isPublic) {}

    private static final String SELECT = """
            select id, slug, coalesce(follow_up_label, reference_code) as reference, title, status <> 'DRAFT' as public
            from appeal
            """;

    private final JdbcClient jdbc;

    AppealNames(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The appeals with these ids, by id; an id that is no appeal is absent. */
    public Map<Long, AppealName> of(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return jdbc.sql(SELECT + " where id in (:ids)").param("ids", ids).query(this::row).list().stream()
                .collect(Collectors.toMap(AppealName::id, Function.identity()));
    }

    /** The most recently created appeals, drafts too, for a staff member's choice. */
    public List<AppealName> recent(int limit) {
        return jdbc.sql(SELECT + " order by id desc limit :limit")
                .param("limit", limit)
                .query(this::row)
                .list();
    }

    private AppealName row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new AppealName(
                rs.getLong("id"),
                rs.getString("slug"),
                rs.getString("reference"),
                rs.getString("title"),
                rs.getBoolean("public"));
    }
}
