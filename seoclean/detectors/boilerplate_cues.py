"""The phrasing of site chrome, as families of patterns, for ``detectors.boilerplate``.

Each family is matched against a whole line (list bullets stripped), from its first character: a
cue that appears later in a sentence never matches. Families are general phrasings that page
templates and blog platforms share ("report this post", "sign up for our newsletter"), not the
text of particular sites. ``max_words`` keeps a family to short lines, so a long paragraph that
happens to start like a cue is prose; ``prose_ending_ok=False`` rejects longer lines that end
like a sentence, for families whose openings also begin ordinary sentences ("Posted on the door
was a note ...", "Powered by solar panels, the station runs all year.").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Free text after a cue: anything, after a word boundary.
_REST = r"(?:\b.*)?"
# The end of a line that is only the cue: trailing punctuation, arrows, counts. Not a bracket right
# after the word: "join()" and "share()" name functions in documentation.
_END = r"(?!\()[\W\d_]*$"
# A host name with a subdomain ("jaxon7t2.postlark.com"): how free hosts name their users' sites.
# Its last label is a common generic top-level domain or a two-letter country code that is not also
# a file extension: "control.tar.xz", "os.path.join" and "xml.etree.ElementTree" are not hosts.
_TOP_LEVEL = (
    r"(?:com|net|org|info|biz|blog|site|online|xyz|app|dev|page|top|club|shop|store|live|tech|space|website|pro|"
    r"news|cloud|link|click|today|world|life|(?!(?:py|md|sh|js|ts|gz|xz|so|rs|go|rb|pl|db|in|cc|hh|el|mk)\b)[a-z]{2})"
)
_HOSTNAME = r"(?!www\.)[a-z0-9][a-z0-9-]*(?:\.[a-z0-9-]+)+\.(?-i:" + _TOP_LEVEL + r")\b(?!\.\w)"
# A date standing alone ("5 November 2023", "November 5, 2023", "2023-11-05", "05/11/2023").
_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
_DATE = (
    r"(?:\d{1,2}(?:st|nd|rd|th)? " + _MONTH + r",? \d{4}|" + _MONTH + r" \d{1,2}(?:st|nd|rd|th)?,? \d{4}|"
    r"\d{4}-\d{2}-\d{2}|\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4})"
)


@dataclass(frozen=True, slots=True)
class CueFamily:
    name: str
    rule: str
    max_words: int
    pattern: str
    prose_ending_ok: bool = True
    describe: str = ""


CUE_FAMILIES: tuple[CueFamily, ...] = (
    CueFamily(
        "host",
        "SEO301",
        20,
        r"(?:(?:create|make|start|build|get|launch) (?:a |an |your |my )?(?:own |free ){1,2}"
        r"(?:web ?site|blog|site|web ?page|page|wiki)\b|free (?:web ?site|blog|site) (?:builder|maker|"
        r"hosting)|(?:this|the|my) (?:web ?site|site|blog|page) (?:was |is )?(?:built|created|made|designed|"
        r"hosted) (?:with|on|using|at|by)\b|join \w+ for free|new post|start writing|write a (?:new )?post|"
        + _HOSTNAME
        + r"(?:\s*[·|•-]\s*(?:proudly )?powered by\b.*)?$)"
        + _REST,
        describe="a blog host's footer or editor button",
    ),
    CueFamily(
        "report",
        "SEO301",
        8,
        r"(?:report (?:this|the) (?:page|post|article|story|content|ad|advert|listing|"
        r"comment|review|profile|user)|report (?:abuse|spam|an? (?:problem|issue|error|bug|broken link))|"
        r"flag (?:as|this as) (?:inappropriate|spam))" + _END,
        describe="a report-this-page link",
    ),
    CueFamily(
        "signup",
        "SEO301",
        25,
        r"(?:(?:sign ?up|register|subscribe|join(?: us)?)(?: now| today| here| free| for "
        r"free)?" + _END + r"|(?:sign ?up|subscribe|register|opt in)(?: now| today| free)? (?:for|to) (?:get "
        r"|receive )?(?:our|the|my|a|us|free)\b.{0,40}?\b(?:newsletters?|mailing list|e-?mail list|updates|"
        r"alerts|digest|account|membership|channel|blog|feed|notifications|deals|offers)\b|create (?:an?|your|"
        r"my) (?:free )?account|get (?:our|the) (?:free )?newsletter|newsletter sign ?up|become a (?:member|"
        r"subscriber|patron)|already (?:a subscriber|a member|have an account|registered)|enter your "
        r"e-?mail|don'?t have an account|join (?:our|the) (?:community|mailing list|newsletter|list)|get (?:new )?(?:posts|"
        r"updates|articles|stories) (?:by|via) e-?mail)" + _REST,
        describe="a sign-up or subscribe prompt",
    ),
    CueFamily(
        "login",
        "SEO301",
        20,
        r"(?:(?:log ?in|sign ?in|log ?out|sign out|my account)(?: (?:/|or|\||to) "
        r"(?:register|sign ?up|create an account|reply|comment|post|continue))?" + _END + r"|(?:you must be|"
        r"please) (?:logged in|log ?in|sign(?:ed)? ?in)|forgot (?:your )?(?:password|username)|remember me|"
        r"lost your password|reset (?:your )?password)" + _REST,
        describe="a login prompt",
    ),
    CueFamily(
        "cookie",
        "SEO301",
        70,
        r"(?:we(?: and our partners)? use cookies|(?:this|our) (?:web)?site uses "
        r"cookies|this (?:web)?site stores|by (?:continuing to (?:use|browse)|using) (?:this|our) "
        r"(?:web)?site|(?:accept|allow|reject|decline|manage) (?:all )?cookies|cookie (?:policy|settings|"
        r"preferences|consent|notice))" + _REST,
        describe="a cookie notice",
    ),
    CueFamily(
        "copyright",
        "SEO301",
        25,
        r"(?:(?:copyright\s*)?(?:©|&copy;|\(c\))(?=.{0,40}\b(?:19|20)\d\d\b)|"
        r"copyright\s*(?:19|20)\d\d|.*\ball rights reserved\b)" + _REST,
        describe="a copyright footer",
    ),
    CueFamily(
        "powered",
        "SEO301",
        12,
        r"(?:(?:proudly )?powered by|(?:web ?site|site|web|theme) (?:design(?:ed)? |"
        r"developed |built |made )?by|theme:)" + _REST,
        prose_ending_ok=False,
        describe="a powered-by footer",
    ),
    CueFamily(
        "postmeta",
        "SEO301",
        40,
        r"(?:(?:posted|filed) (?:in|on|by|under)\b|tagged(?: with| as)?:|"
        r"tags?:|categor(?:y|ies):|this (?:entry|post) was posted|bookmark the permalink|permalink"
        + _END
        + r"|blog (?:post|article|entry)(?:\s*[|·•-]\s*\w+)?"
        + _END
        + r"|published (?:by|in|on)\b|views?:? \d[\d,]*"
        + _END
        + r"|\d[\d,]* views"
        + _END
        + r"|(?:\S+ · )?"
        + _DATE
        + r"(?: · \d+ min(?:ute)?s? read)?"
        + _END
        + r"|\S+ · \d+ min(?:ute)?s? read"
        + _END
        + r"|by [\w.-]+"
        + _END
        + r")"
        + _REST,
        prose_ending_ok=False,
        describe="a post-metadata line",
    ),
    CueFamily(
        "comments",
        "SEO301",
        30,
        r"(?:leave (?:a|your) (?:reply|comment|response)|(?:post|add|submit|write) "
        r"(?:a |your )?(?:comment|reply)(?: below| here)?"
        + _END
        + r"|cancel reply|reply"
        + _END
        + r"|your e-?mail(?: address)? will "
        r"(?:not|never) be (?:published|shared)|required fields are marked|notify me of (?:new|follow-?up)|"
        r"save my name|comments? (?:are|is) closed|(?:\d+|no) (?:comments?|responses?|replies)"
        + _END
        + r"|comments? \(\d+\)"
        + _END
        + r"|be the first to comment|join the discussion|you may use these html)"
        + _REST,
        describe="comment-form chrome",
    ),
    CueFamily(
        "ad",
        "SEO301",
        4,
        r"(?:advertisement|sponsored(?: content| links?| post)?|ad ?choices|paid "
        r"(?:content|post))" + _END,
        describe="an advertisement label",
    ),
    CueFamily(
        "menu",
        "SEO302",
        8,
        r"(?:skip to (?:the )?(?:main )?(?:content|navigation|main|footer|search)|jump to "
        r"(?:navigation|search|content)|toggle (?:navigation|menu)|(?:main |primary |mobile )?(?:menu|"
        r"navigation)|search(?: for| this site| the site)?|(?:back|go|scroll|return) to top|(?:previous|"
        r"next|older|newer) (?:post|article|page|entry|story|entries|posts|articles)|page \d+ of \d+|load "
        r"more|show more|view all|see all|categories|archives|blogroll|recent comments|tag cloud|"
        r"site ?map)" + _END,
        describe="a navigation label",
    ),
    CueFamily("breadcrumb", "SEO302", 25, r"you are here\b" + _REST, describe="a breadcrumb trail"),
    # Not "See also" or "Further reading": documentation and encyclopaedia articles head their own
    # cross-references with them, inside the content.
    CueFamily(
        "related",
        "SEO302",
        10,
        r"(?:related (?:posts?|articles?|stories|content|reading|links|topics|"
        r"searches)|you (?:may|might) (?:also )?(?:like|enjoy|be interested in)|(?:recommended|suggested) "
        r"(?:for you|posts?|articles?|reading|stories)|(?:more|other) (?:from|stories|articles|posts|news)\b"
        r".{0,40}|(?:popular|recent|latest|trending|top|featured) (?:posts?|articles?|stories|news|"
        r"comments))" + _END,
        prose_ending_ok=False,
        describe="a related-posts block",
    ),
    CueFamily(
        "cta",
        "SEO303",
        15,
        r"(?:click here|(?:read|learn|find out|discover|see) more|continue reading|keep "
        r"reading|read (?:the )?(?:full|whole|rest of the) (?:story|article|post|review)|(?:buy|order|shop|"
        r"book|call|download|apply|register|subscribe|get (?:it|yours|started)|try it)(?: it)? (?:now|today|"
        r"here|online)|visit (?:our|my|the) (?:official )?(?:web ?site|site|store|shop|page|blog|homepage)|"
        r"(?:contact|call) us (?:today|now|at|for|on)|get (?:a|your) free (?:quote|consultation|estimate|"
        r"trial|demo)|(?:don'?t|do not) miss (?:out|this)|check (?:it|them|this) out|for more "
        r"(?:info(?:rmation)?|details),? (?:visit|click|go to|check out|contact|see (?:our|my|here\b|this (?:page|link|"
        r"site|web ?site)|the (?:web ?site|site|link)\b)))" + _REST,
        describe="a call to action",
    ),
    CueFamily(
        "share",
        "SEO304",
        12,
        r"(?:share(?: this| it)?(?: (?:article|post|story|page|link|recipe|video))?"
        r"(?: (?:on|via|to|with) [\w.+ ]{1,20})?|tweet(?: this| it)?|pin(?: it| this)|like this|(?:like|follow) "
        r"(?:us|me) on\b.*|follow (?:us|me)\b.*|(?:send|e-?mail) (?:this )?(?:article|post|story|page|link)"
        r"(?: (?:with|to) a friend)?|e-?mail to a friend|click to (?:share|print|e-?mail)\b.*|print (?:this )?"
        r"(?:article|page|post|story|recipe)|like loading\W*|follow " + _HOSTNAME + r"|(?:share (?:on|via) \w+|pin it|"
        r"tweet(?: this)?)(?:\s*[|·•,]\s*(?:share (?:on|via|by) [\w.]+|pin it|tweet(?: this)?))+)" + _END,
        describe="a share widget",
    ),
)

# Lines only a hosted blog or page platform prints: report-abuse links, the host advertising itself
# ("Create a free website or blog at ...", "Powered by ..."), a site named as a host's subdomain,
# the default "Uncategorized" category and default accounts ("Posted by admin"). Ordinary sites
# have menus, share buttons and newsletter boxes too; these lines are what mark a post on a
# throwaway platform, where spam is published.
PLATFORM_RE = re.compile(
    r"\breport (?:this |the )?(?:page|post|article|blog|wiki page|site|content|abuse)\b|\bflag (?:as|this as) "
    r"inappropriate\b|\b(?:create|make|start|build|get) (?:a |an |your |my )?(?:own |free ){1,2}(?:web ?site|blog|"
    r"site|web ?page|page)\b|\bfree (?:web ?site|blog|site) (?:builder|maker|hosting)\b|\b(?:web ?site|site|blog|"
    r"page) (?:was |is )?(?:built|created|made|designed|hosted) (?:with|on|using|at)\b|\bpowered by\b|"
    r"^theme:|\bjoin \w+ for free\b|\buncategori[sz]ed\b|\b(?:posted|published|written) by (?:admin|"
    r"administrator|guest|editor|user)\b|(?:^|[\s©@])" + _HOSTNAME + r"\b",
    re.IGNORECASE,
)
CUE_RE = re.compile("|".join(f"(?P<{family.name}>{family.pattern})" for family in CUE_FAMILIES), re.IGNORECASE)
CUE_FAMILY_BY_NAME = {family.name: family for family in CUE_FAMILIES}
CUE_MAX_WORDS = max(family.max_words for family in CUE_FAMILIES)

# Entries that menus are made of, matched against a whole line or menu segment (lower-cased).
# fmt: off
NAV_WORDS = frozenset(
    {
        "home", "homepage", "home page", "about", "about us", "about me", "contact", "contact us", "contact me",
        "get in touch", "blog", "news", "privacy", "privacy policy", "terms", "terms of use", "terms of service",
        "terms and conditions", "cookie policy", "disclaimer", "editorial policy", "corrections", "legal",
        "imprint", "impressum", "do not sell my personal information", "sitemap", "site map", "faq", "faqs",
        "help", "support", "feedback", "accessibility", "careers", "jobs", "work with us", "advertise",
        "advertise with us", "write for us", "contribute", "partners", "press", "media", "shop", "store", "cart",
        "checkout", "login", "log in", "sign in", "sign up", "register", "account", "my account", "dashboard",
        "settings", "search", "menu", "categories", "archives", "rss", "subscribe", "newsletter", "donate",
        "services", "our services", "portfolio", "team", "our team", "pricing", "products", "solutions",
        "features", "docs", "documentation", "resources", "downloads", "events", "community", "forum", "forums",
        "gallery", "videos", "podcasts",
    }
)
# fmt: on

# Words that make up a row of share buttons ("Facebook Twitter Pinterest Email").
# fmt: off
SHARE_TOKENS = frozenset(
    {
        "facebook", "twitter", "x", "linkedin", "pinterest", "reddit", "whatsapp", "telegram", "email", "e-mail",
        "mail", "print", "tumblr", "instagram", "youtube", "tiktok", "messenger", "share", "tweet", "pin",
        "flipboard", "pocket", "mastodon", "threads", "bluesky", "vk", "xing", "sms", "copy", "link", "digg",
        "stumbleupon",
    }
)
# fmt: on
# "x" alone is too common a token ("print x") to prove a share row by itself.
SOCIAL_NETWORKS = SHARE_TOKENS - {
    "x",
    "email",
    "e-mail",
    "mail",
    "print",
    "share",
    "tweet",
    "pin",
    "copy",
    "link",
    "sms",
}
