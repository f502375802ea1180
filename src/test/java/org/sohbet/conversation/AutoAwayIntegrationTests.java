package org.sohbet.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sohbet.account.FirstOwnerSetup;
import org.sohbet.account.Invitations;
import org.sohbet.account.SignedInAgent;
import org.sohbet.contact.Contacts;
import org.sohbet.shared.PostgresIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

class AutoAwayIntegrationTests extends PostgresIntegrationTest {

    @Autowired
    FirstOwnerSetup setup;

    @Autowired
    Invitations invitations;

    @Autowired
    Contacts contacts;

    @Autowired
    Conversations conversations;

    @Autowired
    Availability availability;

    @Autowired
    Inboxes inboxes;

    RoutingFixture shop;

    @BeforeEach
    void shop() {
        shop = new RoutingFixture(
                setup, invitations, contacts, conversations, availability, inboxes, "owner@away.test", true);
    }

    @Test
    void anOnlineAgentWithoutActivityBecomesAwayAfterTheAccountsPeriodAndOnlineAgainOnActivity() {
        SignedInAgent ali = shop.online("Ali", 2);

        clock.advance(Duration.ofMinutes(Availability.DEFAULT_AWAY_MINUTES - 1));
        availability.sweepIdle();
        assertThat(availability.of(ali).availability()).isEqualTo("online");

        clock.advance(Duration.ofMinutes(2));
        availability.sweepIdle();
        assertThat(availability.of(ali).availability()).isEqualTo("away");

        availability.touch(ali.accountId(), ali.agentId());
        assertThat(availability.of(ali).availability()).isEqualTo("online");
    }
}
