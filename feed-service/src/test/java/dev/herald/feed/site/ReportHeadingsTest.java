package dev.herald.feed.site;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ReportHeadingsTest {

    @Test
    void theTopLevelBecomesH2AndNoLevelIsSkipped() {
        assertEquals("<h2>a</h2><p>x</p><h3>b</h3><h3>c</h3><h4>d</h4><h2>e</h2>",
                ReportHeadings.fit("<h1>a</h1><p>x</p><h3>b</h3><h2>c</h2><h3>d</h3><h1>e</h1>"));
        assertEquals("<h2 id=\"s\">a</h2><h3>b</h3>", ReportHeadings.fit("<h3 id=\"s\">a</h3><h5>b</h5>"));
        assertEquals("<h2>a</h2><h3>b</h3><h4>c</h4><h5>d</h5><h6>e</h6><h6>f</h6>",
                ReportHeadings.fit("<h1>a</h1><h2>b</h2><h3>c</h3><h4>d</h4><h5>e</h5><h6>f</h6>"));
    }

    @Test
    void contentWithoutHeadingsIsLeftAsItIs() {
        assertEquals("<p>Ł &amp; <b>x</b></p>", ReportHeadings.fit("<p>Ł &amp; <b>x</b></p>"));
    }
}
