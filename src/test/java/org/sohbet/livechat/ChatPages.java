package org.sohbet.livechat;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.FrameLocator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

/** What a person does in the browser tests: sign in to the console, open the widget, write in it. */
final class ChatPages {

    private ChatPages() {}

    static void signIn(Page agent, String loginUrl, String email, String password) {
        agent.navigate(loginUrl);
        agent.getByLabel("Email", new Page.GetByLabelOptions().setExact(true)).fill(email);
        agent.getByLabel("Password", new Page.GetByLabelOptions().setExact(true))
                .fill(password);
        agent.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in"))
                .click();
        assertThat(agent.getByRole(
                        AriaRole.HEADING,
                        new Page.GetByRoleOptions().setName("Inbox").setExact(true)))
                .isVisible();
    }

    static FrameLocator openChat(Page visitor, String openLabel, String title) {
        visitor.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(openLabel))
                .click();
        return visitor.frameLocator("iframe[title='" + title + "']");
    }

    static void say(FrameLocator chat, String text) {
        chat.getByLabel("Message", new FrameLocator.GetByLabelOptions().setExact(true))
                .fill(text);
        chat.getByRole(AriaRole.BUTTON, new FrameLocator.GetByRoleOptions().setName("Send"))
                .click();
    }
}
