<?xml version="1.0" encoding="UTF-8"?>
<!-- Shows an RSS or Atom feed as a readable page when opened in a browser; feed readers ignore it. -->
<xsl:stylesheet version="1.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:atom="http://www.w3.org/2005/Atom">
  <xsl:output method="html" encoding="UTF-8" indent="yes" doctype-system="about:legacy-compat"/>

  <xsl:template match="/">
    <html lang="en">
      <head>
        <meta charset="utf-8"/>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <title><xsl:value-of select="rss/channel/title | atom:feed/atom:title"/> (feed)</title>
        <style>
          body { font-family: system-ui, sans-serif; max-width: 48rem; margin: 0 auto; padding: 1rem; line-height: 1.5; }
          .about { background: #fff8e1; border: 1px solid #f0d080; padding: .75rem 1rem; border-radius: .5rem; }
          article { border-bottom: 1px solid #ddd; padding: .5rem 0; }
          time { color: #555; font-size: .9rem; }
        </style>
      </head>
      <body>
        <main>
          <p class="about">This is a web feed. Copy its address into your feed reader to subscribe.</p>
          <xsl:apply-templates select="rss/channel | atom:feed"/>
        </main>
      </body>
    </html>
  </xsl:template>

  <xsl:template match="channel">
    <h1><a href="{link}"><xsl:value-of select="title"/></a></h1>
    <p><xsl:value-of select="description"/></p>
    <xsl:for-each select="item">
      <article>
        <h2><a href="{link}"><xsl:value-of select="title"/></a></h2>
        <time><xsl:value-of select="pubDate"/></time>
        <p><xsl:value-of select="description"/></p>
      </article>
    </xsl:for-each>
  </xsl:template>

  <xsl:template match="atom:feed">
    <h1><a href="{atom:link[@rel='alternate']/@href}"><xsl:value-of select="atom:title"/></a></h1>
    <p><xsl:value-of select="atom:subtitle"/></p>
    <xsl:for-each select="atom:entry">
      <article>
        <h2><a href="{atom:link[@rel='alternate']/@href}"><xsl:value-of select="atom:title"/></a></h2>
        <time><xsl:value-of select="atom:published"/></time>
        <p><xsl:value-of select="atom:summary"/></p>
      </article>
    </xsl:for-each>
  </xsl:template>
</xsl:stylesheet>
