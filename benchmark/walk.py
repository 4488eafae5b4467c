"""The walk of the benchmark: drives whole exercises from the start of `local-exercise` to its end over
engine REST, with concurrent clients, against the product or the bare peer. Ported from
../shared/contract-smoke.py (same requests, same variables); the bare peer gets the same requests plus
the one flag its gateway needs (`allActivitiesDone`, computed by the product from the activities)."""
import base64
import json
import re
import threading
import time
import urllib.error
import urllib.request
import zlib
from concurrent.futures import ThreadPoolExecutor

TENANTS = ('agu bcn bcs cam chp chh cmx coa col dur gua gro hid jal mex mic mor nay nle oax pue que roo slp sin son '
           'tab tam tla ver yuc zac').split()
SECT = ('guarantor', 'society', 'government')
MEMBERS = [{'name': '%s %s' % (r, s), 'email': '%s.%s.%%s@stl.mx' % (r, s), 'sector': s, 'role': r}
           for s in SECT for r in ('titular', 'suplente')]
COMMITS = [{'title': 'Compromiso %d' % i, 'problem': 'Opacidad', 'description': 'Publicar datos', 'responsible': 'Dependencia',
            'sdgs': [16], 'criteria': {k: True for k in ('inclusive', 'strategic', 'transformative', 'replicable', 'measurable',
                                                          'agenda2030', 'gender', 'anticorruption')},
            'activities': [{'title': 'Actividad %d.%d' % (i, j), 'product': 'Informe', 'indicator': 'Informes', 'baseline': '0',
                            'target': '1', 'dueDate': '2032-12-01'} for j in (1, 2)]}
           for i in (1, 2)]

# The minutes elect-stl, define-stl-rules and schedule-pal require (a small PDF, as a File variable over REST).
MINUTES = {'value': base64.b64encode(b'%PDF-1.7\n' + b' ' * 2039).decode('ascii'), 'type': 'File',
           'valueInfo': {'filename': 'acta-reunion-stl.pdf', 'mimetype': 'application/pdf'}}


def v(value, typ):
    return {'value': json.dumps(value), 'type': 'Json'} if typ == 'Json' else {'value': value, 'type': typ}


def d(s):
    return s + 'T10:00:00.000+0000'


def http(base, method, path, body=None, auth=None, timeout=300, gzip=False, accept=None):
    """One HTTP call: (status, text, seconds). gzip: accept a gzip body (as browsers do) and unzip it; accept: the
    Accept header (e.g. application/hal+json, as Tasklist asks for a filter's page)."""
    data = json.dumps(body).encode() if body is not None else None
    headers = {'Content-Type': 'application/json'}
    if auth:
        headers['Authorization'] = 'Basic ' + base64.b64encode(auth.encode()).decode()
    if gzip:
        headers['Accept-Encoding'] = 'gzip'
    if accept:
        headers['Accept'] = accept
    req = urllib.request.Request(base + path, data=data, method=method, headers=headers)
    t = time.perf_counter()
    try:
        with urllib.request.urlopen(req, timeout=timeout) as r:
            raw, status = r.read(), r.status
            if r.headers.get('Content-Encoding') == 'gzip':
                raw = zlib.decompress(raw, 47)
            text = raw.decode('utf-8', 'replace')
    except urllib.error.HTTPError as e:
        text, status = e.read().decode('utf-8', 'replace'), e.code
    return status, text, time.perf_counter() - t


class Walk:
    def __init__(self, base, bare, year0=2100, probe=None, tag=''):
        self.base, self.bare, self.year0, self.tag = base.rstrip('/'), bare, year0, tag
        self.auth = None if bare else 'admin:demo'
        self.lat, self.lock, self.errors = {}, threading.Lock(), []
        self.probe = probe  # called around each completion (serial SQL count), or None

    def call(self, kind, method, path, body=None):
        status, text, dt = http(self.base, method, path, body, self.auth)
        with self.lock:
            self.lat.setdefault(kind, []).append(dt)
        if status >= 300:
            raise RuntimeError('%s %s -> %s %s' % (method, path, status, text[:300]))
        return json.loads(text) if text.strip() else None

    def complete_all(self, pid, key, make, expect):
        by = 'processInstanceId' if re.fullmatch(r'[0-9a-f]{8}-[0-9a-f-]{27}', pid) else 'processInstanceBusinessKey'
        ts = self.call('query', 'GET', '/engine-rest/task?%s=%s&taskDefinitionKey=%s' % (by, pid, key))
        if len(ts) != expect:
            raise RuntimeError('%s: %d tasks of %s, expected %d' % (pid, len(ts), key, expect))
        for i, t in enumerate(ts):
            variables = make(i)
            if self.bare and key == 'report-progress':
                variables['allActivitiesDone'] = v(True, 'Boolean')
            before = self.probe() if self.probe else None
            self.call('complete', 'POST', '/engine-rest/task/%s/complete' % t['id'], {'variables': variables})
            if self.probe:
                self.probe(before, key)

    def tree(self, pid):
        out, todo = [pid], [pid]
        while todo:
            for sub in self.call('query', 'GET', '/engine-rest/process-instance?superProcessInstance=' + todo.pop()):
                out.append(sub['id'])
                todo.append(sub['id'])
        return out

    def fire(self, pid, pick):
        jobs = [j for p in self.tree(pid) for j in self.call('query', 'GET', '/engine-rest/job?timers=true&processInstanceId=' + p)]
        job = pick(sorted(jobs, key=lambda j: j['dueDate']))
        self.call('job', 'POST', '/engine-rest/job/%s/execute' % job['id'])

    def start(self, n):
        """Starts exercise n (entidad n mod 32, year year0 + n div 32): its business key and process instance id."""
        tenant = TENANTS[n % 32]
        bk = '%s-%d' % (tenant, self.year0 + n // 32)
        pi = self.call('start', 'POST', '/engine-rest/process-definition/key/local-exercise/start', {
            'businessKey': bk,
            'variables': {'entity': v(tenant, 'String'), 'exerciseName': v('Ejercicio %d' % n, 'String'),
                          'guarantorBody': v('Órgano garante', 'String')}})
        return bk, pi['id']

    def exercise(self, n):
        members = [dict(m, email=m['email'] % (self.tag + str(n))) for m in MEMBERS]
        bk, pid = self.start(n)
        c = self.complete_all
        c(bk, 'sign-declaration', lambda i: {'signatoryName': v('Firmante %d' % i, 'String'), 'signed': v(True, 'Boolean')}, 3)
        c(bk, 'conduct-outreach', lambda i: {
            'outreachSessions': v([{'date': '2031-01-10', 'place': 'Sede', 'attendees': 30}], 'Json'),
            'actors': v([{'name': 'Actor ' + s, 'organization': 'Org', 'sector': s, 'email': 'a.%s.%s%d@x.mx' % (s, self.tag, n)} for s in SECT], 'Json')}, 1)
        c(bk, 'convene-stl-meeting', lambda i: {'meetingDate': v(d('2031-02-01'), 'Date'),
                                                'meetingPlace': v('Sala de plenos', 'String')}, 1)
        c(bk, 'elect-stl', lambda i: {'stlMembers': v(members, 'Json'), 'meetingMinutes': MINUTES}, 1)
        c(bk, 'define-stl-rules', lambda i: {'decisionRule': v('consensus', 'String'), 'rulesText': v('Reglas', 'String'),
                                             'rulesMinutes': MINUTES}, 1)
        c(bk, 'select-facilitator', lambda i: {'facilitatorName': v('Facilitadora', 'String'), 'facilitatorEmail': v('fac.%s%d@x.mx' % (self.tag, n), 'String')}, 1)
        if not self.bare:
            # The STL chooses its facilitator under its rule: every titular votes the proposal (not in the bare peer).
            c(bk, 'vote-facilitator', lambda i: {'facilitatorApproved': v(True, 'Boolean')}, 3)
        c(bk, 'draft-annual-agenda', lambda i: {'agenda': v([{'date': '2031-03-01', 'activity': 'Mesas'}], 'Json'),
                                                'agendaMinutes': MINUTES}, 1)
        c(bk, 'plan-working-tables', lambda i: {'workingTables': v([{'topic': 'Agua', 'date': '2031-03-10'}, {'topic': 'Salud', 'date': '2031-03-11'}], 'Json')}, 1)
        c(bk, 'hold-working-table', lambda i: {'participants': v([{'name': 'P', 'sector': 'society', 'organization': 'OSC'}, {'name': 'G', 'sector': 'government', 'organization': 'Gobierno'}], 'Json'), 'problems': v(['Problema'], 'Json')}, 2)
        c(bk, 'consolidate-commitments', lambda i: {'commitments': v(COMMITS, 'Json')}, 1)
        # One vote per commitment (the product decides on them); approved agrees with them (the bare peer's gateway reads it).
        c(bk, 'approve-commitments', lambda i: {'votes': v([{'position': 1, 'approved': True, 'comments': ''},
                                                            {'position': 2, 'approved': True, 'comments': 'ok'}], 'Json'),
                                                 'approved': v(True, 'Boolean'), 'comments': v('ok', 'String')}, 3)
        c(bk, 'schedule-pal', lambda i: {'palStart': v(d('2032-02-01'), 'Date'), 'palEnd': v(d('2033-02-01'), 'Date'),
                                         'palMinutes': MINUTES}, 1)
        c(bk, 'hold-public-launch', lambda i: {'launchDate': v(d('2032-02-01'), 'Date'), 'launchPlace': v('Plaza', 'String'),
                                               'launchEvidenceUrl': v('https://video.ejemplo.mx/lanzamiento', 'String')}, 1)
        subs = self.call('query', 'GET', '/engine-rest/process-instance?processDefinitionKey=commitment-implementation&businessKey=' + bk)
        if len(subs) != 2:
            raise RuntimeError('%s: %d commitment implementations, expected 2' % (bk, len(subs)))
        for sub in subs:
            c(sub['id'], 'report-progress', lambda i: {'activityProgress': v([{'activity': 1, 'status': 'done'}, {'activity': 2, 'status': 'done'}], 'Json')}, 1)
        soon = time.strftime('%Y-%m-%d', time.gmtime(time.time() + 150 * 86400))
        self.fire(pid, lambda js: [j for j in js if j['dueDate'][:10] >= soon][0])
        c(bk, 'monitor-commitments', lambda i: {'monitoring': v([{'commitment': k, 'verifiable': True, 'relevant': True, 'potentialImpact': 'moderate', 'notes': ''} for k in (1, 2)], 'Json')}, 1)
        self.fire(pid, lambda js: js[-1])
        c(bk, 'self-assess-pal', lambda i: {'achievements': v('Logros del periodo', 'String'), 'difficulties': v('Dificultades', 'String'), 'lessons': v('Lecciones', 'String')}, 1)
        c(bk, 'evaluate-performance', lambda i: {'evaluation': v([{'commitment': k, 'completion': 'complete', 'openedGovernment': 'major', 'notes': ''} for k in (1, 2)], 'Json')}, 1)
        h = self.call('query', 'GET', '/engine-rest/history/process-instance/' + pid)
        if h.get('state') != 'COMPLETED':
            raise RuntimeError('%s not completed: %s' % (pid, h.get('state')))

    def safe(self, n):
        try:
            self.exercise(n)
        except Exception as e:  # counted and reported, the walk goes on
            with self.lock:
                self.errors.append(repr(e)[:400])

    def run(self, first, n, clients):
        t0 = time.perf_counter()
        with ThreadPoolExecutor(clients) as ex:
            list(ex.map(self.safe, range(first, first + n)))
        return time.perf_counter() - t0


def pct(xs, p):
    xs = sorted(xs)
    return round(1000 * xs[min(len(xs) - 1, int(p * len(xs)))], 1) if xs else None
