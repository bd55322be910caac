"""Strength and party of commitment sentences, as a reader of MSP proposals would judge them."""

import pytest

from msp_select.extract import strength


def span(nlp, text):
    return nlp(text)[:]


@pytest.mark.parametrize(
    "text, expected",
    [
        # binding: modal verbs, guarantees, plain statements of service
        ("We will respond to P1 incidents within 15 minutes.", "binding"),
        ("The provider shall restore service within 4 hours.", "binding"),
        ("Acme guarantees 99.95% uptime for the hosted platform.", "binding"),
        ("We commit to a first response within one hour.", "binding"),
        ("Our helpdesk operates 24x7x365.", "binding"),
        # "C." numbering a section, before an ordinal, is no "circa"
        ("C. FIRST RESPONSE - MINUTES - CLOCK RUNS 24X7 FOR SEV-A", "binding"),
        ("We respond in c. 15 minutes.", "soft"),
        ("We respond in about fifteen minutes.", "soft"),
        ("Critical patches are applied within 48 hours of release.", "binding"),
        # the client's permission to change plans is no hedge of the provider's figures
        ("You may move to another tier at the start of a contract year.", "binding"),
        ("A client takes one plan for all its sites and may switch plans each year.", "binding"),
        ("We may move P3 tickets to the next business day.", "soft"),
        ("Resolution will not exceed 8 business hours.", "binding"),
        # a level that holds only if the client buys an option
        (
            "If the Bank orders Option B, Bank Down incidents are restored within 4 hours.",
            "conditional",
        ),
        (
            "Once you purchase the premium add-on, P1 calls are answered in 5 minutes.",
            "conditional",
        ),
        ("Where the client selects the Gold plan, P1 response is 15 minutes.", "binding"),
        ("If a fault takes longer than 4 hours, our manager takes over.", "binding"),
        # the vendor's own word that a figure is only an aim
        ("Restore within two hours; that is an estimate, not a commitment.", "soft"),
        ("These times are targets we plan around, not promises.", "soft"),
        ("We respond no later than 30 minutes after a ticket is logged.", "binding"),
        ("Escalation to a senior engineer is provided at no additional cost.", "binding"),
        ("Weekend support is included free of charge.", "binding"),
        ("We commit to a recovery time objective of 2 hours.", "binding"),
        ("We provide service credits of up to 10% for missed targets.", "binding"),
        ("There is no charge for escalation.", "binding"),
        ("Service credits apply unless the failure is caused by the client.", "binding"),
        ("Availability is 99.9% with no exclusions other than planned maintenance.", "binding"),
        # soft: aims, targets, typical figures, efforts, capability
        ("We aim to respond to urgent calls within 30 minutes.", "soft"),
        ("Our target resolution time for P2 is 8 hours.", "soft"),
        ("Response times are typically under an hour.", "soft"),
        ("We will use reasonable endeavours to restore service within one day.", "soft"),
        ("Engineers strive to resolve most issues on the first call.", "soft"),
        ("Restoration is on a best-effort basis.", "soft"),
        ("You can expect a reply within two hours.", "soft"),
        ("We can usually attend site the same day.", "soft"),
        ("The service desk may answer calls outside business hours.", "soft"),
        ("We plan to complete onboarding within six weeks.", "soft"),
        ("Where possible, we will resolve the call remotely within 4 hours.", "soft"),
        # an aim whose promise is declined stays an aim
        ("We aim to fix it within 3 days, though I would rather not promise it.", "soft"),
        ("We aim to close requests in 5 days, although we do not bind ourselves.", "soft"),
        # a proposal's "we would" proposes: the servers it would host will be available
        ("The servers we would host for you will be available 99.95% of each month.", "binding"),
        ("If the site were lost, we would have them running again within 8 hours.", "binding"),
        # conditional: conditions, charges, requests
        ("On-site visits are available at additional cost.", "conditional"),
        ("Out-of-hours work is subject to a separate agreement.", "conditional"),
        ("Emergency call-outs are chargeable at our standard rates.", "conditional"),
        ("Data recovery is billed separately on a time and materials basis.", "conditional"),
        ("Quarterly reviews are available on request.", "conditional"),
        ("Working hours; duty line 24/7 on order.", "conditional"),
        (
            "We will attend within 4 hours, provided that the site is within 50 miles.",
            "conditional",
        ),
        ("Same-day replacement applies only if the device is under warranty.", "conditional"),
        # excluded: exclusions and negations
        ("Service credits are not included.", "excluded"),
        ("We do not offer service credits.", "excluded"),
        ("No service credits apply to this agreement.", "excluded"),
        ("Printer support is out of scope.", "excluded"),
        ("Hardware repairs are excluded from the managed service.", "excluded"),
        ("The agreement doesn't cover third-party applications.", "excluded"),
        ("Penetration testing is not provided.", "excluded"),
        ("We never guarantee resolution times.", "soft"),
        # precedence: the most cautious reading wins
        ("We will aim to respond within 15 minutes.", "soft"),
        ("We aim to provide on-site cover at additional cost.", "conditional"),
        ("We typically do not include weekend cover.", "excluded"),
        # a legend says what a mark in a table means; the figures beside it stand
        ("The measures are the rows; a dash means that the measure does not apply.", "binding"),
        ("A blank cell indicates that no fix time is offered for that level.", "binding"),
        ("This service level does not apply to P4 requests.", "excluded"),
        # what the client may do is the vendor's offer, not its hedge
        ("Red incidents may also be reported by telephone at any time.", "binding"),
        ("Requests may be logged through the portal around the clock.", "binding"),
        ("We may be able to answer within the hour.", "soft"),
        # the month of May is no "may"
        ("Renewal offer (May 2026 - Apr 2029)", "binding"),
        ("From May the desk answers within 30 minutes.", "binding"),
        ("Priority 1 calls are answered within 30 minutes from 1 May.", "binding"),
        ("May we suggest a 30-minute response?", "soft"),
    ],
)
def test_strength_of(nlp, text, expected):
    assert strength.strength_of(span(nlp, text)) == expected


def test_strength_of_empty_span_is_binding(nlp):
    assert strength.strength_of(nlp("")[:]) == "binding"


@pytest.mark.parametrize(
    "text, heading, expected",
    [
        ("The Client shall designate a single point of contact.", "", "client"),
        ("You will provide remote access to all in-scope systems.", "", "client"),
        ("Customer is responsible for maintaining valid software licences.", "", "client"),
        ("The customer must notify us of planned office moves 30 days in advance.", "", "client"),
        ("Your IT team will approve changes within two working days.", "", "client"),
        ("It is the client's responsibility to back up local laptops.", "", "client"),
        ("We require the customer to keep an up-to-date asset list.", "", "client"),
        ("Harbor Point shall respond to our requests within one business day.", "", "client"),
        ("We require that you respond to our queries within 4 hours.", "", "client"),
        ("We ask that the customer approve changes within two days.", "", "client"),
        ("We ask one thing: someone on your side must call us back within an hour.", "", "client"),
        ("Staff at your end should confirm the fix within two days.", "", "client"),
        ("Provide VPN access for our engineers.", "Client responsibilities", "client"),
        ("Nominate a change approver.", "Your obligations", "client"),
        # provider obligations, including sentences that mention the client
        ("We will respond to you within one hour.", "", "provider"),
        ("Your account manager will meet you every month.", "", "provider"),
        ("You will receive a monthly service report.", "", "provider"),
        ("You will have a dedicated service delivery manager.", "", "provider"),
        ("The provider shall maintain documentation of your network.", "", "provider"),
        ("Our engineers will give you weekly updates.", "", "provider"),
        ("We will provide the client with a named engineer.", "", "provider"),
        ("Monthly reports are issued by the fifth working day.", "Reporting", "provider"),
        ("We will attend your quarterly board meeting.", "Client responsibilities", "provider"),
        ("Someone on our side will call you back within an hour.", "", "provider"),
        # a subject inside a relative clause after the figure qualifies a noun
        ("Availability is 99.95%, leaving out windows that you have agreed.", "", "provider"),
        ("We answer within 4 hours any request which the client must log.", "", "provider"),
        # ... and so does one right after an article's noun, "that" left out
        (
            "Within 3 hours: restored, or a workaround the customer accepts in place.",
            "",
            "provider",
        ),
        ("We restore service or give a fix the client approves within 4 hours.", "", "provider"),
        ("Within a day the customer must confirm the fix.", "", "client"),
        ("After the meeting the client shall approve the plan.", "", "client"),
        # a time that runs from the provider's own call or request times the client's answer
        (
            "Your IT coordinator confirms the impact within 30 minutes of our first response.",
            "",
            "client",
        ),
        ("The Client confirms a P1 by telephone within 30 minutes of our call.", "", "client"),
        ("Your duty contact lets the engineer in within 1 hour of being asked.", "", "client"),
        ("We restore service within 4 hours of our first response.", "", "provider"),
        # after a colon the statement starts again
        (
            "We need your side too: your Head of IT confirms it within 15 minutes of our call.",
            "",
            "client",
        ),
        ("Your part is small: we confirm it within 15 minutes of our call.", "", "provider"),
        # a client's person with no deadline, or a noun after the role, obliges nobody
        (
            "Your administrator credentials live in a vault inside your own tenant.",
            "",
            "provider",
        ),
        # a party after a preposition is no subject; "to" before a verb is no preposition
        (
            "A Red incident is escalated to our Head of Operations, who reports to the"
            " customer's duty manager every 30 minutes.",
            "",
            "provider",
        ),
        (
            "A quarterly review with the client's IT lead covers tickets within 5 days.",
            "",
            "provider",
        ),
        (
            "We need from your side: someone on your team to call us back within 15 minutes.",
            "",
            "client",
        ),
        (
            "Priority 1: within 30 minutes of our acknowledgement an engineer is on site.",
            "",
            "provider",
        ),
        ("Your account manager answers within 2 hours of your call.", "", "provider"),
        # "'s" is lemmatised as "have": the client's systems are no client duty
        ("The Customer's hosted systems shall be available 99.9% of the time.", "", "provider"),
        ("Changes to the client's systems shall follow the change process.", "", "provider"),
    ],
)
def test_party_of(nlp, text, heading, expected):
    assert strength.party_of(span(nlp, text), heading) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Availability of managed servers | 99.9 percent per month | Excludes scheduled maintenance",
            "binding",
        ),
        ("We guarantee 99.95% availability, excluding planned maintenance windows.", "binding"),
        (
            "Availability is measured monthly, except scheduled downtime agreed in advance.",
            "binding",
        ),
        (
            "Scheduled maintenance is excluded from the availability calculation, and so are backups.",
            "binding",
        ),
        ("Out-of-scope projects are excluded from this service.", "excluded"),
    ],
)
def test_a_maintenance_carve_out_keeps_the_commitment(nlp, text, expected):
    assert strength.strength_of(nlp(text)) == expected


@pytest.mark.parametrize(
    "text",
    [
        "We do not assign a dedicated account manager; all contact is through the service desk.",
        "We don't appoint a named service manager for accounts of this size.",
        "Engineers do not visit site outside business hours.",
    ],
)
def test_refusals_to_assign_or_attend_are_excluded(nlp, text):
    assert strength.strength_of(nlp(text)) == "excluded"


@pytest.mark.parametrize(
    "sentence, strength",
    [
        ("The vast majority of incidents are fixed within 4 hours.", "soft"),
        ("A majority of calls are answered within 2 hours.", "soft"),
        ("The most urgent tickets are answered within 15 minutes.", "binding"),
    ],
)
def test_what_the_majority_of_tickets_get_is_no_promise_for_each(sentence, strength):
    from tests.extract_helpers import found

    assert [f[4] for f in found(sentence)] == [strength]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("A named contact shall return Tasman Networks' call within 30 minutes.", "client"),
        ("Your contact must return Tasman's calls within the hour.", "client"),
        ("A deputy who replies to Tasman within 4 business hours is named.", "client"),
        ("Tasman Networks will return your calls within 30 minutes.", "provider"),
        ("Tasman returns the Council's calls within 30 minutes.", "provider"),
        (
            "Each office's contact must acknowledge a call from our engineers within 1 hour.",
            "client",
        ),
        ("The duty manager answers our call within 15 minutes.", "client"),
        ("The site lead shall confirm Tasman's request within 30 minutes.", "client"),
        ("We acknowledge every alert from our monitoring within 15 minutes.", "provider"),
        ("Our engineers answer calls from our customers within 15 minutes.", "provider"),
        ("The service desk answers our customers within 15 minutes.", "provider"),
        ("The service desk answers your calls within 15 minutes.", "provider"),
        ("The urgent line is answered by our on-call engineer within 15 minutes.", "provider"),
        ("The service desk replies to our customers' requests within 4 hours.", "provider"),
        ("Our analysts respond to client queries within 2 hours.", "provider"),
        ("The school office shall respond to our engineers within 1 hour.", "client"),
        ("Site contacts must reply to supplier enquiries within one working day.", "client"),
        ("The Trust's IT lead shall approve our change requests within 2 days.", "client"),
        ("Tasman will confirm the Council's requests within 30 minutes.", "provider"),
        # the subject of a relative "who" is the noun before it, not the "we" that asks
        (
            "We need one thing: a named contact at each park who returns our call within 30 "
            "minutes.",
            "client",
        ),
        (
            "We'd ask each branch to name one person who can let us in and answer our "
            "questions within one working day.",
            "client",
        ),
    ],
)
def test_whoever_answers_or_returns_the_providers_calls_is_the_client(nlp, text, expected):
    from msp_select.extract.strength import Parties, _forms

    doc = nlp(text)
    Parties(_forms(["Taraheke Regional Council"]), _forms(["Tasman Networks"])).mark(doc)
    assert strength.party_of(doc[:]) == expected
