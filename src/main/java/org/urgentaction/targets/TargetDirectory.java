package org.urgentaction.targets;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import org.urgentaction.web.Text;

/** Finding officials in the directory by name, title, organisation or country. */
@NamedInterface("api")
@Component
public class TargetDirectory {

    public record Match(
            long id, String name, String title, String organisation, String country, String accreditedCountry) {}

    private final JdbcClient jdbc;
    private final TargetRepository targets;

    TargetDirectory(JdbcClient jdbc, TargetRepository targets) {
        this.jdbc = jdbc;
        this.targets = targets;
    }

    /** The officials with these ids, by id; an id not in the directory is absent. */
    @Transactional(readOnly = true)
    public Map<Long, Target> officialsOf(Collection<Long> ids) {
        return targets.findAllById(ids).stream().collect(Collectors.toMap(Target::getId, Function.identity()));
    }

    public List<Match> search(String query, int limit) {
        String like = Text.likeContaining(query);
        return jdbc.sql("""
                        select id, name, title, organisation, address_country, accredited_country from target
                        where name ilike :like or title ilike :like or organisation ilike :like
                           or address_country ilike :like or accredited_country ilike :like
                           or printed_address ilike :like
                        order by lower(name), id limit :limit
                        """)
                .param("like", like)
                .param("limit", limit)
                .query((rs, n) -> new Match(
                        rs.getLong("id"),
                        rs.getString("name"),
                        rs.getString("title"),
                        rs.getString("organisation"),
                        rs.getString("address_country"),
                        rs.getString("accredited_country")))
                .list();
    }
}
