package org.urgentaction.appeals;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import org.urgentaction.targets.TargetUsage;

@Component
class AppealTargetUsage implements TargetUsage {

    private final JdbcClient jdbc;

    AppealTargetUsage(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<UsedBy> appealsUsing(long targetId) {
        return jdbc.sql("""
                        select a.id, coalesce(a.follow_up_label, a.reference_code) as reference, a.title, t.role
                        from appeal_target t join appeal a on a.id = t.appeal_id
                        where t.target_id = ? order by a.id desc
                        """)
                .param(targetId)
                .query((rs, n) -> new UsedBy(
                        rs.getLong("id"), rs.getString("reference"), rs.getString("title"), rs.getString("role")))
                .list();
    }
}
