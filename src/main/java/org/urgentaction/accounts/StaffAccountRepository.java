package org.urgentaction.accounts;

import java.util.List;
import java.util.Optional;

import jakarta.persistence.LockModeType;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface StaffAccountRepository extends JpaRepository<StaffAccount, Long> {

    @Query("select a from StaffAccount a where lower(a.email) = lower(?1)")
    Optional<StaffAccount> findByEmail(String email);

    List<StaffAccount> findAllByOrderByDisplayNameAsc();

    /**
     * The enabled accounts of a role, locked (in id order, so two callers can't deadlock) until the
     * transaction ends: of two administrators demoting each other at once, the second sees the first's change.
     */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    List<StaffAccount> findByRoleAndEnabledTrueOrderById(Role role);
}
