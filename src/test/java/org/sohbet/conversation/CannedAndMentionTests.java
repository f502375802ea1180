package org.sohbet.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sohbet.account.AccountId;
import org.sohbet.account.AgentId;
import org.sohbet.account.Membership;
import org.sohbet.account.Role;

class CannedAndMentionTests {

    @Test
    void placeholdersArePlainSubstitutionAndNothingIsEvaluated() {
        assertThat(CannedResponses.fill("Hi {{contact.name}}, I am {{agent.name}}.", "Leyla", "Ali"))
                .isEqualTo("Hi Leyla, I am Ali.");
        assertThat(CannedResponses.fill("{{7*7}} ${7*7} [[${7*7}]] #{x}", "Leyla", "Ali"))
                .isEqualTo("{{7*7}} ${7*7} [[${7*7}]] #{x}");
        assertThat(CannedResponses.fill("Hi {{contact.name}}", "{{agent.name}} ${T(java.lang.Runtime)}", "Ali"))
                .as("a name that looks like a placeholder stays text")
                .isEqualTo("Hi {{agent.name}} ${T(java.lang.Runtime)}");
        assertThat(CannedResponses.fill("Hi {{contact.name}}", null, "Ali")).isEqualTo("Hi ");
    }

    @Test
    void mentionsMatchWholeDisplayNamesLongestFirst() {
        List<Membership> team = List.of(member(1, "Ali"), member(2, "Ali Reza"), member(3, "Bea"));
        assertThat(Mentions.named("@Ali Reza can you look? cc @bea", team))
                .containsExactly(new AgentId(2), new AgentId(3));
        assertThat(Mentions.named("@Alibaba and mail@example.test", team)).isEmpty();
        assertThat(Mentions.named("no mention here", team)).isEmpty();
    }

    private static Membership member(long id, String name) {
        return new Membership(
                new AccountId(1), new AgentId(id), Role.AGENT, true, Instant.EPOCH, null, name + "@x.test", name);
    }
}
