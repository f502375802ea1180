package org.sohbet.helpcenter;

/** Where a reader came from: the knowledge-gap report counts the articles that answered searches and the bot. */
enum ViewSource {
    DIRECT(""),
    SEARCH(", views_from_search = views_from_search + 1"),
    BOT(", views_from_bot = views_from_bot + 1");

    private final String column;

    ViewSource(String column) {
        this.column = column;
    }

    String column() {
        return column;
    }

    static ViewSource of(String from) {
        if ("search".equals(from)) {
            return SEARCH;
        }
        if ("bot".equals(from)) {
            return BOT;
        }
        return DIRECT;
    }
}
