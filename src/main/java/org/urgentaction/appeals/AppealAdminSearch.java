package org.urgentaction.appeals;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import org.urgentaction.web.Text;

/** The staff list of appeals: every status, searched by reference, title or person. */
@Component
class AppealAdminSearch {

    enum Sort {
        DEADLINE,
        UPDATED
    }

    record Row(
            long id,
            String reference,
            String title,
            String country,
            AppealStatus status,
            LocalDate deadline,
            java.time.Instant updatedAt) {}

    private final JdbcClient jdbc;

    AppealAdminSearch(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Page<Row> search(String query, AppealStatus status, String country, Sort sort, Pageable pageable) {
        Map<String, Object> params = new LinkedHashMap<>();
        StringBuilder where = new StringBuilder("where true");
        if (query != null && !query.isBlank()) {
            where.append(" and (a.search_vector @@ websearch_to_tsquery('english', :query)"
                    + " or a.reference_code ilike :like or a.title ilike :like or a.follow_up_label ilike :like)");
            params.put("query", query.strip());
            params.put("like", Text.likeContaining(query));
        }
        if (status != null) {
            where.append(" and a.status = :status");
            params.put("status", status.name());
        }
        if (country != null && !country.isBlank()) {
            where.append(" and a.country = :country");
            params.put("country", country.strip().toUpperCase());
        }
        long total = jdbc.sql("select count(*) from appeal a " + where)
                .params(params)
                .query(Long.class)
                .single();
        String order = sort == Sort.UPDATED ? "a.updated_at desc, a.id desc" : "a.deadline asc nulls last, a.id desc";
        params.put("limit", pageable.getPageSize());
        params.put("offset", pageable.getOffset());
        List<Row> rows = jdbc.sql("select a.id, coalesce(a.follow_up_label, a.reference_code) as reference, a.title, "
                        + "a.country, a.status, a.deadline, a.updated_at from appeal a " + where
                        + " order by " + order + " limit :limit offset :offset")
                .params(params)
                .query((rs, n) -> new Row(
                        rs.getLong("id"),
                        rs.getString("reference"),
                        rs.getString("title"),
                        rs.getString("country"),
                        AppealStatus.valueOf(rs.getString("status")),
                        rs.getObject("deadline", LocalDate.class),
                        rs.getTimestamp("updated_at").toInstant()))
                .list();
        return new PageImpl<>(rows, pageable, total);
    }
}
