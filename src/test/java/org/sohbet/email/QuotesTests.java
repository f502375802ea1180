package org.sohbet.email;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class QuotesTests {

    @Test
    void foldsTheQuotedMailBelowAReply() {
        String reply =
                "Thanks, that helps.\n\nOn Mon, 3 Mar 2025 at 10:00, Shop <support@shop.test> wrote:\n> Your order ships today.\n";
        assertThat(Quotes.fresh(reply)).isEqualTo("Thanks, that helps.");
        assertThat(Quotes.start(reply)).isEqualTo(reply.indexOf("On Mon"));
    }

    @Test
    void foldsTurkishAndOutlookForms() {
        assertThat(Quotes.fresh("Tamam\n\n3 Mart 2025 tarihinde Shop şunu yazdı:\n> x"))
                .isEqualTo("Tamam");
        assertThat(Quotes.fresh("Ok\n\n-----Original Message-----\nFrom: x")).isEqualTo("Ok");
        assertThat(Quotes.fresh("Yes\n> earlier\n>\n> more\n")).isEqualTo("Yes");
    }

    @Test
    void leavesTextWithoutQuotesAndQuotesAloneAlone() {
        assertThat(Quotes.start("Just a question.")).isEqualTo(-1);
        assertThat(Quotes.start("> only a quote")).isEqualTo(-1);
    }

    @Test
    void subjectsMatchAcrossReplyPrefixes() {
        assertThat(Subjects.sameThread("Re: AW: Order 42", "order 42")).isTrue();
        assertThat(Subjects.sameThread("YNT: Sipariş", "Sipariş")).isTrue();
        assertThat(Subjects.reply("Re: Re: Order")).isEqualTo("Re: Order");
    }
}
