package org.urgentaction.accounts;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface StaffAccountRepository extends JpaRepository<StaffAccount, Long> {

    @Query("select a from StaffAccount a where lower(a.email) = lower(?1)")
    Optional<StaffAccount> findByEmail(String email);

    List<StaffAccount> findAllByOrderByDisplayNameAsc();

    long countByRoleAndEnabledTrue(Role role);
}
