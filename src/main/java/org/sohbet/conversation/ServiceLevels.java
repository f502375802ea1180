package org.sohbet.conversation;

import java.time.Instant;
import org.sohbet.account.AccountId;
import org.sohbet.account.SignedInAgent;
import org.sohbet.shared.NotFoundException;
import org.sohbet.shared.cache.BriefCache;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Per-inbox service-level targets, and the due times they give a conversation's cycle (ADR 29). Due times are
 * computed once, when the clock starts, in the inbox's business hours, and stored on the conversation so that lists
 * sort by them along an index; changing a target applies to clocks started afterwards.
 */
@Service
public class ServiceLevels {

    private final JdbcClient jdbc;
    private final Cycles cycles;

    ServiceLevels(JdbcClient jdbc, Cycles cycles) {
        this.jdbc = jdbc;
        this.cycles = cycles;
    }

    /** @param firstResponse null for no target; likewise resolution */
    public record Targets(ServiceTarget firstResponse, ServiceTarget resolution) {

        static final Targets NONE = new Targets(null, null);
    }

    public Targets targets(AccountId account, long inboxId) {
        return stored(account, inboxId).orElseThrow(NotFoundException::new);
    }

    /** Owners and admins set an inbox's targets; another account's inbox is not found. */
    @Transactional
    public void update(SignedInAgent by, long inboxId, Targets targets) {
        if (!by.role().managesTeam()) {
            throw new AccessDeniedException("Only owners and admins change service levels");
        }
        kept.forgetOnCommit(by.accountId());
        int changed = jdbc.sql("""
                        update inbox set first_response_target = :first, resolution_target = :resolution
                        where account_id = :account and id = :id""")
                .param(
                        "first",
                        targets.firstResponse() == null
                                ? null
                                : targets.firstResponse().code())
                .param(
                        "resolution",
                        targets.resolution() == null
                                ? null
                                : targets.resolution().code())
                .param("account", by.accountId().value())
                .param("id", inboxId)
                .update();
        if (changed == 0) {
            throw new NotFoundException();
        }
    }

    record Dues(Instant firstResponse, Instant resolution) {}

    /**
     * The due times of a clock started at {@code from}. {@code withFirstResponse} is false when an agent started the
     * cycle: nobody waits for an answer then.
     */
    Dues dues(AccountId account, long inboxId, Instant from, boolean withFirstResponse) {
        Targets targets = stored(account, inboxId).orElse(Targets.NONE);
        if (targets.firstResponse() == null && targets.resolution() == null) {
            return new Dues(null, null);
        }
        BusinessHours hours = cycles.hours(account, inboxId);
        Instant first = withFirstResponse && targets.firstResponse() != null
                ? targets.firstResponse().due(hours, from).orElse(null)
                : null;
        Instant resolution = targets.resolution() == null
                ? null
                : targets.resolution().due(hours, from).orElse(null);
        return new Dues(first, resolution);
    }

    /** Every new cycle reads its inbox's targets; they are kept a second, and forgotten when this node changes them. */
    private final BriefCache<InboxKey, java.util.Optional<Targets>> kept = new BriefCache<>(1_000);

    private record InboxKey(long account, long inbox) {}

    private java.util.Optional<Targets> stored(AccountId account, long inboxId) {
        return kept.get(account, new InboxKey(account.value(), inboxId), () -> read(account, inboxId));
    }

    private java.util.Optional<Targets> read(AccountId account, long inboxId) {
        return jdbc.sql("""
                        select first_response_target, resolution_target from inbox
                        where account_id = :account and id = :id""")
                .param("account", account.value())
                .param("id", inboxId)
                .query((rs, row) -> new Targets(
                        ServiceTarget.parse(rs.getString("first_response_target")),
                        ServiceTarget.parse(rs.getString("resolution_target"))))
                .optional();
    }
}
