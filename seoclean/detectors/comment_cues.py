"""What a comment's body says about its author: the cues that tell a bot's comment from a reader's.

Each cue is a general habit of comment spam, not a word list of one spammer:

* a link drop: a visible URL, a Markdown link, a link element (HTML), or a bare domain;
* self-promotion: the author sends readers to *their own* page ("visit my site", "here is my
  blog", "check out my page", "if you need X, visit us");
* a pitch to the site owner: an offer of a service with a way to buy it (an e-mail address, a
  messenger handle, a phone number, "contact us", "we can ... your site");
* talk about the site instead of the article: its theme, host, design, feed or newsletter, or how
  the author found it;
* praise that fits any post ("great post", "keep up the good work");
* a spam vertical named as anchor text (casinos, pills, loans, replicas...), the trade every
  comment-spam campaign sells;
* spintax residue ("{great|good|nice}"): the comment was machine-spun.

A reader's comment can carry one of these (a thank-you, a link to a reputable source), which is why
the detector weighs them together with what the comment says about the article.
"""

from __future__ import annotations

import re

from seoclean.detectors.spin_surface import spintax_groups  # the spin rules' spintax (SEO205)

URL_RE = re.compile(r"\bhttps?://[^\s)\]>\"'<]+|\bwww\.[a-z0-9-]+(?:\.[a-z0-9-]+)+[^\s)\]>\"'<]*", re.IGNORECASE)
MD_LINK_RE = re.compile(r"\]\((?:https?:)?//[^)\s]+\)")
# A bare domain ("example-shop.biz/go/4") left as text: letters, a dot, a common top-level domain.
BARE_DOMAIN_RE = re.compile(
    r"(?<![@\w.])[a-z0-9][a-z0-9-]{2,}\.(?:com|net|org|info|biz|xyz|online|site|shop|store|top|club|io|co)"
    r"(?:/[^\s<>\"']*)?(?![\w@])",
    re.IGNORECASE,
)
EMAIL_RE = re.compile(r"\b[\w.+-]+@[\w-]+\.[\w.]{2,}\b")

SELF_PROMO_RE = re.compile(
    r"\b(?:(?:visit|see|check(?: out)?|look at|surf to|have a look at|take a look at|stop by|drop by)\s+"
    r"(?:also\s+)?(?:my|our)\b"
    r"|(?:my|our)\s+(?:own\s+)?(?:web\s?site|web\s?page|site|blog(?:\s+post)?|homepage|home page|page|weblog|"
    r"shop|store|channel|profile)\s*(?:[:;\-–]|is\b|at\b|here\b)"
    r"|here is my|feel free to (?:visit|surf|check)|please visit|visit us\b|click here|more (?:info|details) here"
    r"|(?:if you|for those who) (?:need|want|are looking for)\b[^.!?]{0,60}\b(?:visit|contact|check)"
    r"|(?:you should|you can|you may|you might) (?:see|check|visit|look at|like)\b[^.!?]{0,30}\b(?:too|also|here)"
    r"|\bmore (?:here|about this (?:at|on|here))|\bsee also my\b)",
    re.IGNORECASE,
)
# Weaker than self-promotion: pointing readers elsewhere ("similar tips at ...", "check ... too").
POINTER_RE = re.compile(
    r"\b(?:(?:similar|more|related|great) (?:tips|info|information|advice|ideas|articles|posts|stuff) "
    r"(?:at|on|here)\b|check\b[^.!?\n]{1,40}\b(?:too|also|out)\b|see\b[^.!?\n]{1,40}\bfor more\b|"
    r"you (?:should|might|may) (?:also )?(?:see|like|check|read)\b|(?:found|find) more (?:at|on)\b)",
    re.IGNORECASE,
)
PITCH_RE = re.compile(
    r"\b(?:(?:we|i|our (?:team|experts|agency|company))\s+(?:can|will|could|offer|provide|build|do|help|create|"
    r"guarantee|specialise|specialize|already helped)\b[^.!?\n]{0,60}\byour (?:site|website|blog|business|"
    r"traffic|rankings?|posts?|page|followers|domain)\b"
    r"|our (?:agency|company|team|experts|firm) (?:creates?|builds?|offers?|provides?|does|speciali[sz]es|can|will)\b"
    r"|we (?:offer|sell|provide|have) (?:the )?(?:best|cheapest|cheap|top|quality|affordable)\b"
    r"|contact (?:us|me)|e-?mail (?:us|me)|dm me|message me|whats\s?app|telegram|skype|"
    r"back-?links?|guest posts?|domain authority|\bDA\b|page ?rank|(?:first|top) page of google|seo (?:services?|"
    r"expert|agency|audit)|search engine optimi[sz]ation|(?:targeted|organic|real) (?:traffic|visitors)|"
    r"(?:limited|special) (?:time )?offer|money[- ]back|free (?:audit|trial|quote|consultation)|"
    r"(?:very )?affordable (?:price|rates?)|discounts? (?:are )?available|satisfaction guaranteed|"
    r"(?:reply|write) (?:to this comment|back)|i noticed (?:a few|some) (?:issues|problems|errors))",
    re.IGNORECASE,
)
SITE_TALK_RE = re.compile(
    r"\b(?:(?:what|which) (?:theme|template|host|hosting|web host|plugin|platform|blog platform|cms)\b"
    r"|(?:your|this) (?:blog|site|website|web site|weblog|page)(?:'s)? (?:design|layout|theme|template|loads?)\b"
    r"|(?:design|layout|theme|look) of (?:your|this) (?:blog|site|website|weblog)"
    r"|(?:rss|atom) feed|(?:do you have|subscribe to) (?:a |your )?newsletter|comment section"
    r"|(?:share|post) (?:your|this) (?:post|article) on my|writing skills|(?:hire|hired) (?:someone|a designer)"
    r"|(?:stumbled|came) (?:up)?on (?:your|this) (?:blog|site|website|weblog|page)"
    r"|(?:found|discovered|became aware of) (?:your|this) (?:blog|site|website|weblog)"
    r"|(?:your|this) (?:blog|site|website|weblog) (?:via|through|by way of|by the use of) (?:google|bing|yahoo)"
    r"|(?:i also|i) (?:run|have|own) a (?:blog|website|site) (?:in the same|on the same|about the same|too)"
    r"|\b(?:wordpress|blogger|blogspot|wix|squarespace|joomla|web ?host(?:ing)?|rss|forum for your readers|"
    r"message boards?|paid theme|spam comments)\b"
    r"|\b(?:hi|hello|hey|dear|thanks) (?:admin|webmaster|site owner|blog owner|owner of this blog|sir/madam)\b"
    r"|(?:did|do) you (?:design|customi[sz]e|code|build|make) (?:it|this|that)(?: yourself)?"
    r"|(?:your|this|my|our)\s+(?:own\s+)?(?:blog|weblog|website|web site|web page|site|theme|template|"
    r"layout|blog layout|board)\b(?!\s+(?:says|said))|\b(?:running|run) this blog|regular visitor)",
    re.IGNORECASE,
)
# A reader pointing to a source: the link that follows is a reference, and "a good page" is not praise.
CITE_RE = re.compile(
    r"\b(?:has an? (?:good|useful|helpful|great|clear|longer|better) (?:page|guide|article|explainer|section|"
    r"explanation|overview)(?: on this)?|(?:the )?(?:reference|source|official (?:guidance|page|site|advice))\b|"
    r"worth reading|according to|i checked (?:against|with)|(?:a )?longer explanation|explained (?:on|at)|"
    r"more detail(?:s)? (?:on|at)|see (?:the )?(?:section|page|guidance|docs|documentation) (?:on|at))",
    re.IGNORECASE,
)
PRAISE_RE = re.compile(
    r"\b(?:(?:great|nice|good|awesome|amazing|excellent|wonderful|fantastic|informative|helpful|useful|valuable|"
    r"interesting|lovely|superb|brilliant|fabulous|pleasant|impressive|outstanding|pretty|cool|fastidious|best|"
    r"auspicious|priceless)\s+(?:\w+\s+){0,2}"
    r"(?:post|article|blog|site|website|web site|weblog|write-?up|info(?:rmation)?|content|piece|paragraph|"
    r"share|layout|stuff|page|topic|points?|section of content|advice)"
    r"|(?:thanks?|thx|thank you) (?:a lot |so much )?for (?:sharing|posting|the (?:good|nice|great) (?:writeup|write-up|"
    r"info)|(?:the|this|your) (?:post|article|info|share|blog))|(?:best|greatest) (?:post|article) (?:on|about)\b"
    r"|agree(?:d)?\b[^.!?\n]{0,20}\bwith (?:this|your) (?:post|article)|\blove it\b"
    r"|keep (?:it )?up the (?:good|great|nice) work|keep (?:on )?(?:writing|posting|it up)"
    r"|(?:i will|i'll|i am going to|i'm going to|will) (?:definitely |surely )?(?:bookmark|come back|be back|"
    r"return|revisit)|bookmark(?:ed)? (?:your|this) (?:site|blog|page|website)"
    r"|(?:your|this) (?:blog|site|website|post|article|writing style) is (?:really |very |so |truly )?"
    r"(?:great|nice|good|awesome|amazing|helpful|informative|useful|excellent)"
    r"|(?:enjoyed|loved|liked) (?:reading |browsing )?(?:your|this) (?:post|article|blog|weblog|site)"
    r"|appreciat(?:e|ing) (?:the hard work|you (?:penning|writing|sharing))|(?:huge|big) thumbs up"
    r"|(?:wow|howdy|hi there|hello there|greetings|good day|dear (?:admin|webmaster|blogger|site owner))\b)",
    re.IGNORECASE,
)
# Trades that comment-spam campaigns sell, named as anchor text. General knowledge of the genre:
# pills, gambling, loans, replicas, essay mills, follower and link sellers.
SPAM_VERTICAL_RE = re.compile(
    r"\b(?:viagra|cialis|levitra|(?:online|cheap|canadian) pharmacy|(?:diet|weight loss|cheap|slimming) pills|"
    r"casinos?|online poker|slot machines?|sports betting|free spins|jackpot|payday loans?|(?:fast|quick|easy) cash|"
    r"loans? no credit check|crypto (?:trading|profit|signals|bot)|bitcoin (?:trading|profit)|forex (?:signals|"
    r"trading)|trading (?:bot|signals)|replica (?:watches|bags|handbags)|cbd (?:oil|gummies)|kratom|"
    r"essay (?:writing|writer|help|service)|write my essay|buy (?:instagram |youtube |tiktok |twitter )?"
    r"(?:followers|likes|views|backlinks)|escorts?|dating site|hookup|porn|xxx|(?:cheap|buy) backlinks|"
    r"slot gacor|online slots?|judi online|togel)\b",
    re.IGNORECASE,
)


def link_count(text: str) -> int:
    """Visible URLs, Markdown link targets and bare domains in ``text``."""
    without_targets = MD_LINK_RE.sub(" ", text)  # a Markdown link counts once, not again as a URL
    rest = URL_RE.sub(" ", without_targets)
    return len(MD_LINK_RE.findall(text)) + len(URL_RE.findall(without_targets)) + len(BARE_DOMAIN_RE.findall(rest))


__all__ = [
    "BARE_DOMAIN_RE",
    "CITE_RE",
    "EMAIL_RE",
    "MD_LINK_RE",
    "PITCH_RE",
    "POINTER_RE",
    "PRAISE_RE",
    "SELF_PROMO_RE",
    "SITE_TALK_RE",
    "SPAM_VERTICAL_RE",
    "URL_RE",
    "link_count",
    "spintax_groups",
]
