"""Step 13's "done when", on the production stack, through nginx as a client would.

The stack of tests/servers.py (its own PostgreSQL and Redis, gunicorn with the production
settings, nginx with the project's templates, the background worker as docker-compose runs it)
with the public directory and the demo network loaded, plus the world around it on loopback:
an SMTP server (aiosmtpd) the worker sends to, and two websites that receive webhooks and
verify each with the `standardwebhooks` library — the new organization's own, and that of a
partner organization of the demo (boris coordinates "no-means-no").

The network office (olga) onboards an organization and invites its coordinator by e-mail; the
coordinator joins through the e-mailed link, registers a webhook, imports the organization's
contacts from a CSV (a dry run, then for real) and withdraws one of them as compromised. Both
websites hear of it within seconds; an anonymous HSDS client then finds the public directory,
without the withdrawn contact and without the one restricted to the organization.
"""

import re
import time
from collections.abc import Callable
from types import SimpleNamespace
from urllib.parse import unquote, urlsplit

import httpx
import pytest

from tests.hsds.validation import assert_page
from tests.servers import gunicorn, manage, nginx, postgres, production_env, redis, smtp, worker
from tests.webhooks.receiver import Receiver

pytestmark = pytest.mark.stack

ADMIN = ("olga", "demo-admin-pass")
PARTNER = ("boris", "demo-coordinator-pass")
NEWCOMER = ("vera", "a long passphrase for vera 42")
INVITED = "vera@helsinki-line.example.org"
# A withdrawn contact must reach every website within this; the worker polls its queue each second.
WEBHOOK_BOUND = 15.0
CONTACTS_CSV = (
    "external_id,channel,value,label,languages,countries,visibility\r\n"
    'hotline,phone,+358 40 7654321,Hotline,"ru, en",FI,public\r\n'
    "channel,telegram,@helsinki_line_help,Telegram,ru,FI,public\r\n"
    "duty,signal,+358 40 7654322,Duty phone,ru,FI,restricted\r\n"
)


def wait_for(what: str, found: Callable[[], object], timeout: float):
    """What `found()` answers once it is truthy, polling for at most `timeout` seconds."""
    deadline = time.monotonic() + timeout
    while not (answer := found()):
        if time.monotonic() > deadline:
            raise AssertionError(f"{what}: nothing within {timeout:.0f} s")
        time.sleep(0.05)
    return answer


@pytest.fixture(scope="module")
def world(tmp_path_factory):
    var_dir = tmp_path_factory.mktemp("scenario")
    with (
        postgres() as database,
        redis() as cache,
        smtp() as mailbox,
        Receiver() as own_site,
        Receiver() as partner_site,
    ):
        environ = production_env(
            var_dir,
            DATABASE_URL=database.create_database("waypoint"),
            REDIS_URL=cache.url,
            EMAIL_HOST="127.0.0.1",
            EMAIL_PORT=str(mailbox.port),
            EMAIL_USE_TLS="0",  # aiosmtpd on loopback speaks plain SMTP
            EMAIL_TIMEOUT="5",
            WEBHOOK_ALLOW_PRIVATE_ADDRESSES="1",  # the websites listen on loopback, over HTTP
            WEBHOOK_ALLOW_HTTP="1",
        )
        manage(environ, "collectstatic", "--noinput")
        manage(environ, "migrate", "--noinput")
        manage(environ, "load_directory")
        manage(environ, "load_demo", "--allow-production")
        with (
            gunicorn(environ, var_dir / "gunicorn.log") as backend,
            nginx(backend) as origin,
            # Started once the app has its address: the links in e-mails lead there.
            worker({**environ, "APP_BASE_URL": origin}, var_dir / "worker.log"),
            httpx.Client(base_url=origin, timeout=10, headers={"Host": "localhost"}) as client,
        ):
            yield SimpleNamespace(
                client=client, origin=origin, mailbox=mailbox, own_site=own_site, partner_site=partner_site
            )


def signed_in(client: httpx.Client, username: str, password: str) -> dict[str, str]:
    token = client.post("/api/v1/auth/token/", json={"username": username, "password": password})
    assert token.status_code == 200, token.text
    return {"Authorization": f"Bearer {token.json()['access']}"}


def register_webhook(client: httpx.Client, auth: dict, organization: int, site: Receiver) -> None:
    endpoint = client.post(
        "/api/v1/webhooks/",
        json={"organization": organization, "url": site.url, "event_types": ["contact_point.*"]},
        headers=auth,
    )
    assert endpoint.status_code == 201, endpoint.text
    site.secret = endpoint.json()["secret"]


def import_contacts(client: httpx.Client, auth: dict, organization: int, dry_run: bool) -> dict:
    response = client.post(
        f"/api/v1/organizations/{organization}/contact-points/import/",
        params={"dry_run": "true"} if dry_run else None,
        files={"file": ("contacts.csv", CONTACTS_CSV.encode(), "text/csv")},
        headers=auth,
    )
    assert response.status_code == 200, response.text
    return response.json()


def own_contacts(client: httpx.Client, auth: dict, organization: int) -> dict[str, int]:
    """The organization's contact points by external id, as its coordinator lists them."""
    listed = client.get("/api/v1/contact-points/", params={"organization": organization}, headers=auth)
    assert listed.status_code == 200, listed.text
    return {contact["external_id"]: contact["id"] for contact in listed.json()["results"]}


def events_about(site: Receiver, contact: int) -> list[dict]:
    """The verified events the site received about one contact (every request must have verified)."""
    return [event for event in site.events() if event["data"].get("id") == contact]


def hsds_list(client: httpx.Client, path: str, item: str, **params) -> list[dict]:
    """Every object of an HSDS list, page by page, each page valid HSDS 3.1."""
    objects, page = [], 1
    while True:
        response = client.get(f"/api/hsds/{path}", params={"per_page": 100, "page": page, **params})
        assert response.status_code == 200, response.text
        assert_page(response.json(), item)
        objects += response.json()["contents"]
        if response.json()["last_page"] <= page:
            return objects
        page += 1


def test_an_invited_coordinator_imports_contacts_whose_withdrawal_reaches_partners_and_hsds_readers(world):
    client, mailbox = world.client, world.mailbox

    # The network office onboards an organization and invites its coordinator by e-mail.
    office = signed_in(client, *ADMIN)
    organization = client.post(
        "/api/v1/organizations/",
        json={
            "name": "Helsinki Objectors' Line",
            "slug": "helsinki-line",
            "description": "Counsels objectors and deserters arriving in Finland.",
            "countries": ["FI"],
            "kinds": ["counseling"],
            "languages": ["ru", "en"],
            "visibility": "public",
        },
        headers=office,
    )
    assert organization.status_code == 201, organization.text
    org = organization.json()["id"]
    invitation = client.post(
        "/api/v1/invitations/",
        json={"email": INVITED, "organization": org, "role": "coordinator", "language": "en"},
        headers=office,
    )
    assert invitation.status_code == 201, invitation.text

    # The worker sends it; the link in it leads to the app, with a token of its own.
    started = time.monotonic()
    [message] = wait_for("the invitation e-mail", lambda: mailbox.to(INVITED), timeout=30)
    print(f"\ninvitation e-mail received {time.monotonic() - started:.2f} s after the invitation")
    assert "Helsinki Objectors' Line" in message["Subject"]
    text = message.get_body(preferencelist=("plain",)).get_content()
    [link] = [link for link in re.findall(r"https?://\S+", text) if "#join=" in link]
    address, token = link.split("#join=", 1)
    assert address == f"{world.origin}/"
    assert client.get(urlsplit(address).path).headers["content-type"].startswith("text/html")  # the app
    joined = client.post(
        "/api/v1/invitations/accept/",
        json={"token": unquote(token), "username": NEWCOMER[0], "password": NEWCOMER[1]},
    )
    assert joined.status_code == 201, joined.text

    # The new coordinator signs in; the organization's website and a partner's listen for contacts.
    vera = signed_in(client, *NEWCOMER)
    me = client.get("/api/v1/me/", headers=vera).json()
    assert [(m["organization"], m["role"]) for m in me["memberships"]] == [(org, "coordinator")]
    register_webhook(client, vera, org, world.own_site)
    boris = signed_in(client, *PARTNER)
    [partner_org] = client.get("/api/v1/me/", headers=boris).json()["memberships"]
    assert partner_org["organization_slug"] == "no-means-no"
    register_webhook(client, boris, partner_org["organization"], world.partner_site)

    # The contacts come from a CSV: a dry run saves nothing, the real run saves every row.
    dry = import_contacts(client, vera, org, dry_run=True)
    assert (dry["dry_run"], dry["created"]) == (True, 3)
    assert own_contacts(client, vera, org) == {}
    done = import_contacts(client, vera, org, dry_run=False)
    assert (done["dry_run"], done["created"], done["updated"]) == (False, 3, 0)
    contacts = own_contacts(client, vera, org)
    assert set(contacts) == {"hotline", "channel", "duty"}
    hotline = contacts["hotline"]
    # Both websites have heard of the new public hotline before it is withdrawn.
    for site in (world.own_site, world.partner_site):
        wait_for("the hotline's creation", lambda site=site: events_about(site, hotline), timeout=30)

    # The hotline's phone is seized: its coordinator withdraws it.
    withdrawn_at = time.monotonic()
    marked = client.patch(
        f"/api/v1/contact-points/{hotline}/",
        json={"status": "compromised", "status_reason": "The phone was seized at a border."},
        headers=vera,
    )
    assert marked.status_code == 200, marked.text

    def withdrawal(site: Receiver, kind: str):
        return [event for event in events_about(site, hotline) if event["type"] == kind]

    [own] = wait_for(
        "the organization's website hearing of the withdrawal",
        lambda: withdrawal(world.own_site, "contact_point.updated"),
        timeout=WEBHOOK_BOUND,
    )
    own_latency = time.monotonic() - withdrawn_at
    [gone] = wait_for(
        "the partner's website hearing of the withdrawal",
        lambda: withdrawal(world.partner_site, "contact_point.deleted"),
        timeout=WEBHOOK_BOUND,
    )
    partner_latency = time.monotonic() - withdrawn_at
    print(f"withdrawal signed and received: own website {own_latency:.2f} s, partner {partner_latency:.2f} s")
    assert own["data"]["status"] == "compromised"  # its organization still sees it, as withdrawn
    assert gone["data"] == {"id": hotline}  # the partner may no longer see it: a deletion
    # The partner never hears of the contact restricted to the organization.
    assert events_about(world.partner_site, contacts["duty"]) == []
    assert events_about(world.own_site, contacts["duty"])

    # An anonymous HSDS client lists the public directory: the directory's organizations and the
    # new one, its public channel, neither the withdrawn hotline nor the restricted duty phone.
    organizations = {o["name"]: o["id"] for o in hsds_list(client, "organizations", "organization")}
    assert "Helsinki Objectors' Line" in organizations
    assert "Connection e.V." in organizations  # from the campaign flyer's public directory
    # The organizations the network office sees as network-only stay out of it.
    network = client.get("/api/v1/organizations/", params={"visibility": "network"}, headers=office)
    assert network.json()["count"] > 0
    assert not {o["name"] for o in network.json()["results"]} & set(organizations)
    assert all(service["status"] == "active" for service in hsds_list(client, "services", "service"))
    services = hsds_list(
        client, "services", "service", organization_id=organizations["Helsinki Objectors' Line"]
    )
    assert [service["description"] for service in services] == ["Telegram: @helsinki_line_help"]
    # Signed in, its coordinator reads all three through the same API: the two were held back.
    client.headers.update(vera)
    try:
        own_services = hsds_list(
            client, "services", "service", organization_id=organizations["Helsinki Objectors' Line"]
        )
    finally:
        del client.headers["Authorization"]
    assert sorted(service["status"] for service in own_services) == ["active", "active", "defunct"]
