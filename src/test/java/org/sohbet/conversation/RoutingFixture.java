package org.sohbet.conversation;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;

import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.sohbet.account.AgentId;
import org.sohbet.account.FirstOwnerSetup;
import org.sohbet.account.Invitations;
import org.sohbet.account.Role;
import org.sohbet.account.SignedInAgent;
import org.sohbet.contact.Contacts;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** An account with agents and a website inbox, made through the modules' own code paths, for routing tests. */
final class RoutingFixture {

    static final String PASSWORD = "correct horse battery";

    final FirstOwnerSetup setup;
    final Invitations invitations;
    final Contacts contacts;
    final Conversations conversations;
    final Availability availability;
    final Inboxes inboxes;
    final SignedInAgent owner;
    final long inbox;

    RoutingFixture(
            FirstOwnerSetup setup,
            Invitations invitations,
            Contacts contacts,
            Conversations conversations,
            Availability availability,
            Inboxes inboxes,
            String ownerEmail,
            boolean firstAccount) {
        this.setup = setup;
        this.invitations = invitations;
        this.contacts = contacts;
        this.conversations = conversations;
        this.availability = availability;
        this.inboxes = inboxes;
        FirstOwnerSetup.NewOwner newOwner = new FirstOwnerSetup.NewOwner(
                "Shop " + ownerEmail, "Owner", ownerEmail, PASSWORD, null, ZoneId.of("UTC"));
        this.owner = firstAccount ? setup.createFirstOwner(newOwner) : setup.createAccount(newOwner);
        this.inbox = inboxes.list(owner.accountId()).getFirst().id();
    }

    SignedInAgent agent(String name) {
        var invitation = invitations.invite(
                owner, name.toLowerCase() + "@" + owner.accountId().value() + ".test", Role.AGENT);
        return invitations.accept(invitation.token(), name, PASSWORD);
    }

    /** An agent who is online with room for {@code capacity} chats. */
    SignedInAgent online(String name, int capacity) {
        SignedInAgent agent = agent(name);
        availability.setCapacity(owner, agent.agentId(), capacity);
        availability.choose(agent, "online");
        return agent;
    }

    /** A new visitor writes its first message; answers the conversation. */
    ConversationSummary arrive(String name) {
        var contact = contacts.createAnonymous(owner.accountId(), name, null);
        conversations.postFromContact(
                owner.accountId(), inbox, contact.id(), UUID.randomUUID().toString(), "hello from " + name);
        return conversations.forContact(owner.accountId(), inbox, contact.id()).orElseThrow();
    }

    ConversationSummary now(ConversationSummary c) {
        return conversations.find(owner.accountId(), c.id()).orElseThrow();
    }

    void rules(boolean restricted, Set<AgentId> agents, Set<Long> teams, boolean autoAssign, Integer noAnswer) {
        Inboxes.Rules current = inboxes.rules(owner.accountId(), inbox);
        inboxes.updateRules(
                owner,
                inbox,
                new Inboxes.Rules(
                        restricted, agents, teams, autoAssign, noAnswer, current.week(), current.holidays(), Map.of()));
    }

    static RequestPostProcessor as(SignedInAgent agent) {
        return authentication(new UsernamePasswordAuthenticationToken(
                agent, null, List.of(new SimpleGrantedAuthority(agent.role().authority()))));
    }
}
