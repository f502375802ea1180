package org.sohbet.helpcenter;

import org.sohbet.account.SignedInAgent;
import org.sohbet.shared.i18n.Language;
import org.springframework.context.ApplicationContext;

/**
 * Articles for other modules' tests (the FAQ bot's driver in livechat), made through the real editor so the search
 * index follows as it does in production.
 */
public final class HelpArticleFixture {

    private final ArticleEditor editor;

    public HelpArticleFixture(ApplicationContext context) {
        this.editor = context.getBean(ArticleEditor.class);
    }

    public long article(SignedInAgent agent, Language language, String title, String body, boolean published) {
        return editor.create(
                agent.accountId(),
                agent.agentId(),
                null,
                language,
                new ArticleDraft(title, "", "", body, published),
                new ArticleEditor.Placement(null, 0));
    }
}
