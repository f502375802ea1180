package org.sohbet.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sohbet.account.FirstOwnerSetup;
import org.sohbet.account.SignedInAgent;
import org.sohbet.shared.PostgresIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The plan of the "most urgent first" list on a generated history: 100,000 conversations, of which 5,000 are open
 * work (half with something due). The list must read one range of conversation_service_due_idx in order and stop
 * after a page, never sort the account's conversations.
 */
class ServiceLevelPlanIntegrationTests extends PostgresIntegrationTest {

    static final int CONVERSATIONS = 100_000;
    static final int OPEN = 5_000;

    @Autowired
    FirstOwnerSetup setup;

    @Autowired
    Inboxes inboxes;

    SignedInAgent owner;

    @BeforeEach
    void history() {
        owner = setup.createFirstOwner(new FirstOwnerSetup.NewOwner(
                "Bazaar", "Ali", "ali@shop.test", "correct horse battery", null, ZoneId.of("Europe/Istanbul")));
        long inbox = inboxes.list(owner.accountId()).getFirst().id();
        jdbc.sql("""
                        insert into contact (account_id, name, created_at, updated_at)
                        select :account, 'Customer ' || i, now(), now() from generate_series(1, :n) i""")
                .param("account", owner.accountId().value())
                .param("n", CONVERSATIONS)
                .update();
        // The newest OPEN conversations are open, pending or snoozed; every other one has a due time. The rest is
        // resolved history, with nothing due.
        jdbc.sql("""
                        insert into conversation (account_id, inbox_id, contact_id, status, status_changed_at,
                                                  created_at, updated_at, first_response_due_at, resolution_due_at)
                        select k.account_id, :inbox, k.id,
                               case when r > :open then 'resolved'
                                    else (array['open', 'pending', 'snoozed'])[1 + r % 3] end,
                               t, t, t,
                               case when r <= :open and r % 2 = 0 then t + interval '4 hours' end,
                               case when r <= :open and r % 4 = 0 then t + interval '2 days' end
                        from (select c.*, row_number() over (order by c.id desc) as r,
                                     now() - make_interval(mins => c.id::int) as t
                              from contact c where c.account_id = :account) k""")
                .param("inbox", inbox)
                .param("open", OPEN)
                .param("account", owner.accountId().value())
                .update();
        jdbc.sql("analyze conversation").update();
    }

    String plan(String extraWhere, Object... cursor) {
        String sql = "explain (analyze, buffers, costs off) select " + ConversationRepository.SUMMARY_COLUMNS
                + " from conversation c where c.account_id = :account and c.status = :status" + extraWhere
                + " order by " + ConversationViews.Sort.URGENT.order + " limit 51";
        var statement =
                jdbc.sql(sql).param("account", owner.accountId().value()).param("status", "open");
        if (cursor.length == 2) {
            statement = statement.param("cursorAt", cursor[0]).param("cursorId", cursor[1]);
        }
        List<String> lines = statement.query(String.class).list();
        return String.join("\n", lines);
    }

    @Test
    void theUrgentListReadsOneRangeOfItsIndexInOrder() {
        String first = plan("");
        assertThat(first).contains("conversation_service_due_idx").doesNotContain("Sort Key");

        String unassigned = plan(" and c.assignee_id is null");
        assertThat(unassigned).contains("conversation_service_due_idx").doesNotContain("Sort Key");

        String next = plan(
                ConversationViews.Sort.URGENT.after,
                org.sohbet.shared.database.DatabaseTime.of(ConversationViews.NOTHING_DUE),
                0L);
        assertThat(next).contains("conversation_service_due_idx").doesNotContain("Sort Key");
        System.out.println("urgent list, first page, on " + CONVERSATIONS + " conversations:\n" + first);
    }
}
