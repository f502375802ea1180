package org.sohbet.shop;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;

import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.sohbet.account.FirstOwnerSetup;
import org.sohbet.account.Invitations;
import org.sohbet.account.Role;
import org.sohbet.account.SignedInAgent;
import org.sohbet.contact.Contact;
import org.sohbet.contact.Contacts;
import org.sohbet.conversation.ConversationSummary;
import org.sohbet.conversation.Conversations;
import org.sohbet.conversation.Inboxes;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** An account with its website inbox, agents and contacts, made through the modules' own APIs. */
final class ShopFixture {

    static final String PASSWORD = "correct horse battery";

    final SignedInAgent owner;
    final long inbox;
    private final Invitations invitations;
    private final Contacts contacts;
    private final Conversations conversations;

    ShopFixture(
            FirstOwnerSetup setup,
            Invitations invitations,
            Contacts contacts,
            Conversations conversations,
            Inboxes inboxes,
            String email,
            boolean first) {
        this.invitations = invitations;
        this.contacts = contacts;
        this.conversations = conversations;
        var newOwner = new FirstOwnerSetup.NewOwner("Shop " + email, "Owner", email, PASSWORD, null, ZoneId.of("UTC"));
        this.owner = first ? setup.createFirstOwner(newOwner) : setup.createAccount(newOwner);
        this.inbox = inboxes.list(owner.accountId()).getFirst().id();
    }

    SignedInAgent agent(String name, Role role) {
        var invitation = invitations.invite(
                owner, name.toLowerCase() + "@" + owner.accountId().value() + ".test", role);
        return invitations.accept(invitation.token(), name, PASSWORD);
    }

    /** A contact who wrote a first message; answers its conversation. */
    ConversationSummary chat(Contact contact) {
        conversations.postFromContact(
                owner.accountId(), inbox, contact.id(), UUID.randomUUID().toString(), "Where is my order?");
        return conversations.forContact(owner.accountId(), inbox, contact.id()).orElseThrow();
    }

    Contact typedEmail(String email) {
        return contacts.createAnonymous(owner.accountId(), "Leyla", email);
    }

    Contact verified(String customerId, String email) {
        return contacts.verified(owner.accountId(), customerId, "Leyla", email);
    }

    static RequestPostProcessor as(SignedInAgent agent) {
        return authentication(new UsernamePasswordAuthenticationToken(
                agent, null, List.of(new SimpleGrantedAuthority(agent.role().authority()))));
    }
}
