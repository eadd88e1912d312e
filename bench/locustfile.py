"""Locust journeys for `make bench` (LOAD-1, LOAD-2, LOAD-3, LOAD-5). Started by bench/run_load.py.

Three kinds of people, each signing in (if at all) the way a browser does, with the CSRF token
from the form:

- public readers: the home page, the guidance, published projects and their reports;
- citizens: their projects, "you said, we did", meetings, thanks, training; they raise ideas and
  spend time credits (writes);
- staff: password and two-step code, then projects, evidence, rewards, "nobody left out", the
  dashboard; they give time credits (writes).

Every user also asks for /healthz now and then: the hello-world ceiling, measured on the same
stack in the same run. Each acknowledged write (a redirect to the success page) is recorded, so
the runner can check afterwards that each is in the database exactly once (LOAD-5).

Environment (set by run_load.py): BENCH_DATA (accounts and ids, JSON), BENCH_STAGES (JSON list
of [label, users, seconds]), BENCH_OUT (where the results go, JSON), BENCH_HOSTS (the app
servers, comma-separated, when there are several).
"""

from __future__ import annotations

import hashlib
import hmac
import itertools
import json
import os
import random
import re
import struct
import time
import uuid
from collections import defaultdict
from pathlib import Path

from locust import HttpUser, LoadTestShape, constant_throughput, events, task

DATA = json.loads(Path(os.environ["BENCH_DATA"]).read_text()) if "BENCH_DATA" in os.environ else {}
STAGES = json.loads(os.environ.get("BENCH_STAGES", '[["try", 5, 30]]'))
TIMEOUT = 30  # seconds: as long as gunicorn gives a request
# New users a second: each signs in (an Argon2 hash on purpose), so they arrive spread out.
SPAWN_RATE = 5

CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
KEY = re.compile(r'name="key" value="([^"]+)"')
SPEND = re.compile(r'action="(/thanks/offers/\d+/spend/)">.*?name="key" value="([^"]+)"', re.S)

# --- What happened, by stage and page type --------------------------------------------------

STATE = {"stage": "starting"}
TIMES: dict = defaultdict(lambda: defaultdict(list))  # stage -> name -> [ms]
FAILS: dict = defaultdict(lambda: defaultdict(int))  # stage -> name -> count
CODES: dict = defaultdict(lambda: defaultdict(int))  # stage -> status code (0: no answer)
STAGE_TIMES: list = []
RECOVERY: list = []  # (finished at, ms) for each request in the recovery stage
WRITES: list = []  # acknowledged writes: {"kind", "key"}
ATTEMPTS: list = []  # writes sent without a clear acknowledgement


@events.request.add_listener
def _record(name, response_time, exception, response=None, **_kwargs):
    stage = STATE["stage"]
    TIMES[stage][name].append(response_time)
    code = getattr(response, "status_code", 0) or 0
    CODES[stage][str(code)] += 1
    if exception is not None:
        FAILS[stage][name] += 1
    if stage == "recovery":
        RECOVERY.append((time.time(), response_time))


@events.quitting.add_listener
def _write_results(environment, **_kwargs):
    out = os.environ.get("BENCH_OUT")
    if not out:
        return
    with open(out, "w") as file:
        json.dump(
            {
                "stages": STAGE_TIMES,
                "times": TIMES,
                "fails": FAILS,
                "codes": CODES,
                "recovery": RECOVERY,
                "writes": WRITES,
                "attempts": ATTEMPTS,
            },
            file,
        )


class Steps(LoadTestShape):
    """Fixed stages: light load, the target load, steps up to find the knee, then recovery."""

    def tick(self):
        elapsed = self.get_run_time()
        start = 0.0
        for label, users, seconds in STAGES:
            if elapsed < start + seconds:
                if STATE["stage"] != label:
                    STATE["stage"] = label
                    STAGE_TIMES.append(
                        {"label": label, "users": users, "seconds": seconds, "at": time.time()}
                    )
                # Arrive spread out; leave at once, so a quieter stage is quiet from its start.
                rate = SPAWN_RATE if users > self.runner.user_count else 1000
                return users, rate
            start += seconds
        return None


# --- Helpers ---------------------------------------------------------------------------------


def totp(hex_key: str, at: float | None = None) -> str:
    """The 6-digit code an authenticator app shows (RFC 6238, 30 s, SHA-1), as django-otp."""
    counter = int((at or time.time()) // 30)
    digest = hmac.new(bytes.fromhex(hex_key), struct.pack(">Q", counter), hashlib.sha1).digest()
    offset = digest[-1] & 0x0F
    number = struct.unpack(">I", digest[offset : offset + 4])[0] & 0x7FFFFFFF
    return f"{number % 1_000_000:06d}"


def _token(html: str) -> str:
    match = CSRF.search(html)
    return match.group(1) if match else ""


_citizens = itertools.count()
_staff = itertools.count()


# Several app servers (run_load.py --servers N): each simulated person keeps to one of them, as a
# load balancer with sticky sessions would do; they are dealt out in turn.
HOSTS = [h for h in os.environ.get("BENCH_HOSTS", "").split(",") if h]
_next_host = itertools.count()


class Journey(HttpUser):
    abstract = True
    wait_time = constant_throughput(1)  # at most one journey step a second per user

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if HOSTS:
            self.client.base_url = HOSTS[next(_next_host) % len(HOSTS)]

    def get(self, path: str, name: str, **kwargs):
        return self.client.get(path, name=name, timeout=TIMEOUT, **kwargs)

    def post_form(self, path: str, data: dict, name: str):
        return self.client.post(path, data=data, name=name, allow_redirects=False, timeout=TIMEOUT)

    @task(1)
    def hello(self):
        self.get("/healthz", "hello: /healthz")

    def sign_in(self, email: str, kind: str) -> bool:
        page = self.get("/account/sign-in/", f"sign-in: {kind} form")
        data = {
            "csrfmiddlewaretoken": _token(page.text),
            "username": email,
            "password": DATA["password"],
        }
        response = self.post_form("/account/sign-in/", data, f"sign-in: {kind} password")
        return response.status_code == 302


class PublicReader(Journey):
    weight = 3

    @task(3)
    def home(self):
        self.get("/", "public: home")

    @task(3)
    def guidance(self):
        self.get("/learn/", "public: guidance")
        if DATA.get("learn_pages"):
            slug = random.choice(DATA["learn_pages"])
            self.get(f"/learn/{slug}/", "public: guidance page")

    @task(4)
    def published_project(self):
        pk = random.choice(DATA["public_projects"])
        self.get(f"/reports/projects/{pk}/", "public: project report")
        self.get(f"/projects/{pk}/you-said-we-did/", "public: you said, we did")


class Citizen(Journey):
    weight = 5

    def on_start(self):
        people = DATA["citizens"]
        self.person = people[next(_citizens) % len(people)]
        if not self.sign_in(self.person["email"], "citizen"):
            self.stop()

    def _project(self) -> int:
        return random.choice(self.person["projects"] or DATA["public_projects"])

    @task(3)
    def projects(self):
        self.get("/projects/", "citizen: my projects")
        self.get(f"/projects/{self._project()}/", "citizen: project")

    @task(2)
    def you_said(self):
        self.get(f"/projects/{self._project()}/you-said-we-did/", "citizen: you said, we did")

    @task(2)
    def meetings(self):
        self.get("/meetings/", "citizen: my meetings")

    @task(2)
    def thanks(self):
        self.get("/thanks/", "citizen: my thanks")

    @task(1)
    def learning(self):
        self.get("/learning/", "citizen: training")

    @task(1)
    def raise_idea(self):
        if not self.person["projects"]:
            return
        pk = random.choice(self.person["projects"])
        path = f"/projects/{pk}/you-said-we-did/"
        page = self.get(path, "citizen: you said, we did")
        marker = f"load-test idea {uuid.uuid4().hex}"
        data = {"csrfmiddlewaretoken": _token(page.text), "kind": "idea", "text": marker}
        response = self.post_form(path, data, "write: raise an idea")
        if response.status_code == 302 and response.headers.get("Location", "").endswith(path):
            WRITES.append({"kind": "idea", "key": marker})
        else:
            ATTEMPTS.append({"kind": "idea", "key": marker, "status": response.status_code})

    @task(1)
    def spend_credits(self):
        page = self.get("/thanks/offers/", "citizen: offers")
        offers = SPEND.findall(page.text)
        if not offers:
            return  # not enough credits for anything: staff give more
        action, key = random.choice(offers)
        data = {"csrfmiddlewaretoken": _token(page.text), "key": key}
        response = self.post_form(action, data, "write: spend time credits")
        location = response.headers.get("Location", "")
        if response.status_code == 302 and location.rstrip("/").endswith("/thanks"):
            WRITES.append({"kind": "spend", "key": key})
        elif response.status_code != 302:
            ATTEMPTS.append({"kind": "spend", "key": key, "status": response.status_code})


class Staff(Journey):
    weight = 2

    def on_start(self):
        people = DATA["staff"]
        self.person = people[next(_staff) % len(people)]
        if not self.sign_in(self.person["email"], "staff"):
            self.stop()
            return
        for _ in range(2):  # a code used already (same 30 s) is refused: wait for the next
            page = self.get("/account/two-step/", "sign-in: staff two-step form")
            data = {"csrfmiddlewaretoken": _token(page.text), "code": totp(self.person["key"])}
            response = self.post_form("/account/two-step/", data, "sign-in: staff two-step code")
            if response.status_code == 302:
                return
            time.sleep(31 - time.time() % 30)
        self.stop()

    def _project(self) -> int:
        return random.choice(self.person["projects"])

    @task(3)
    def projects(self):
        self.get("/projects/", "staff: projects")
        self.get(f"/projects/{self._project()}/", "staff: project")

    @task(2)
    def evidence(self):
        self.get(f"/projects/{self._project()}/evidence/", "staff: evidence")

    @task(1)
    def meetings(self):
        self.get(f"/meetings/projects/{self._project()}/", "staff: project meetings")

    @task(2)
    def thanks_pages(self):
        self.get("/thanks/staff/rewards/", "staff: rewards to confirm")
        self.get("/thanks/staff/nobody-left-out/", "staff: nobody left out")

    @task(1)
    def people(self):
        self.get("/thanks/staff/people/", "staff: people's thanks")

    @task(1)
    def dashboard(self):
        self.get("/reports/", "staff: dashboard")

    @task(2)
    def give_credits(self):
        pk = random.choice(DATA["citizen_ids"])
        path = f"/thanks/staff/people/{pk}/credits/"
        page = self.get(path, "staff: give credits form")
        key = KEY.search(page.text)
        if key is None:
            return
        data = {
            "csrfmiddlewaretoken": _token(page.text),
            "key": key.group(1),
            "amount": "3",
            "memo": "For the load test",
        }
        response = self.post_form(path, data, "write: give time credits")
        if response.status_code == 302:
            WRITES.append({"kind": "issue", "key": key.group(1)})
        else:
            ATTEMPTS.append({"kind": "issue", "key": key.group(1), "status": response.status_code})
