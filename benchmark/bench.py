#!/usr/bin/env python3
"""National-scale benchmark of the product against bare Camunda 7.24, in one run (docs/benchmark.md).

Parts: walk (whole exercises over engine REST), storm (reminders falling due at one instant, one node
tuned / Camunda defaults / bare, then two nodes on PostgreSQL), read (microsite, open data, Tasklist
query at national scale), startup (time to ready and resident memory). Prints a table and writes
target/bench/results.{csv,json}. Started by ../bench; not part of the test suite."""
import argparse
import asyncio
import base64
import csv
import json
import os
import random
import re
import shutil
import signal
import statistics
import subprocess
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime, timedelta, timezone

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from walk import Walk, http, pct, v, d, TENANTS, SECT, MEMBERS, MINUTES  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, 'target', 'bench')
PRODUCT_JAR = os.path.join(ROOT, 'target', 'cocreacion.jar')
BARE_JAR = os.path.join(ROOT, 'benchmark', 'bare', 'target', 'bench-bare.jar')
SUPPORT_JAR = os.path.join(ROOT, 'benchmark', 'support', 'target', 'bench-support.jar')
LAUNCHER = 'org.springframework.boot.loader.launch.PropertiesLauncher'
PG = ['-h', '127.0.0.1', '-U', 'postgres']
# BENCH_PORT_BASE / BENCH_DB_PREFIX let two benchmarks run side by side (e.g. two checkouts).
PORT_BASE = int(os.environ.get('BENCH_PORT_BASE', '18080'))
DB_PREFIX = os.environ.get('BENCH_DB_PREFIX', 'cc_bench_')
SMTP_PORT = PORT_BASE + 19
PORTS = {'product': PORT_BASE, 'product-2': PORT_BASE + 1, 'bare': PORT_BASE + 10}
JE = 'camunda.bpm.job-execution.'
# Camunda 7.24's own job executor settings (starter: core 3, max 10, queue 3; engine: the rest).
JE_DEFAULTS = {'core-pool-size': 3, 'max-pool-size': 10, 'queue-capacity': 3, 'max-jobs-per-acquisition': 3,
               'wait-time-in-millis': 5000, 'max-wait': 60000, 'lock-time-in-millis': 300000,
               'backoff-time-in-millis': 0, 'max-backoff': 0, 'backoff-decrease-threshold': 100,
               'wait-increase-factor': 2}
CURL = shutil.which('curl')  # the read part's client (urllib without it)
rows = []
RUNNING = []  # every node started, stopped at exit whatever happens


def log(*a):
    print(time.strftime('%H:%M:%S'), *a, flush=True)


def proc_stat(path):
    """A /proc stat file (a process's or a thread's) as (name, the fields after the name): fields[11] and [12] are
    its user and system CPU in clock ticks, [13] and [14] those of the children it has reaped. OSError if it ended."""
    with open(path) as f:
        stat = f.read()
    return stat[stat.index('(') + 1:stat.rindex(')')], stat[stat.rindex(')') + 2:].split()


def cpu_split(pid, database):
    """CPU time (user + system) used so far by the process `pid` and, with `database`, by every PostgreSQL
    process of this machine (with the children it has reaped: a backend that ended still counts), apart:
    (seconds of `pid`, seconds of PostgreSQL)."""
    hz, total, pg = os.sysconf('SC_CLK_TCK'), 0, 0
    for entry in os.listdir('/proc'):
        if not entry.isdigit():
            continue
        try:
            name, fields = proc_stat('/proc/%s/stat' % entry)
        except OSError:
            continue  # ended meanwhile
        if int(entry) == pid:
            total += int(fields[11]) + int(fields[12])
        elif database and name == 'postgres':
            pg += sum(int(x) for x in fields[11:15])
    return total / hz, pg / hz


THREAD_GROUPS = (('http-nio', 'requests (Tomcat)'), ('GC Thread', 'garbage collector'), ('G1 ', 'garbage collector'),
                 ('C1 Compiler', 'JIT compiler'), ('C2 Compiler', 'JIT compiler'), ('JobExecutor', 'job executor'))


def thread_cpu(pid):
    """CPU seconds (user + system) of each thread group of the JVM `pid` (THREAD_GROUPS, the rest as 'other'):
    where a node's CPU goes apart from the requests (collector, compiler). Threads that have ended are missing
    here, so the groups' sum can fall short of the process's."""
    hz, out = os.sysconf('SC_CLK_TCK'), {}
    base = '/proc/%d/task' % pid
    for tid in os.listdir(base):
        try:
            name, fields = proc_stat('%s/%s/stat' % (base, tid))
        except OSError:
            continue  # ended meanwhile
        group = next((g for prefix, g in THREAD_GROUPS if name.startswith(prefix)), 'other')
        out[group] = out.get(group, 0.0) + (int(fields[11]) + int(fields[12])) / hz
    return out


def result(part, db, peer, config, metric, value, unit='', note=''):
    rows.append({'part': part, 'db': db, 'peer': peer, 'config': config, 'metric': metric, 'value': value,
                 'unit': unit, 'note': note})
    log('  %-8s %-8s %-8s %-10s %-34s %s %s %s' % (part, db, peer, config, metric, value, unit, note))


def product_je():
    """The product's job executor settings, read from application.yaml (the one source): the bare
    peer runs with the same ones in the tuned configurations."""
    text = open(os.path.join(ROOT, 'src', 'main', 'resources', 'application.yaml'), encoding='utf-8').read()
    block = re.search(r'\n    job-execution:\n((?:      .*\n|\s*#.*\n)+)', text)
    out = {}
    for line in (block.group(1) if block else '').splitlines():
        m = re.match(r'\s+([a-z-]+):\s*([^#\s]+)', line)
        if m and m.group(1) != 'enabled':
            out[m.group(1)] = m.group(2)
    return out


# ---------------------------------------------------------------- databases and nodes
def pg_url(dbname):
    """The JDBC URL of a PostgreSQL database, with --pg-params (pgjdbc's, the same for both peers), e.g.
    prepareThreshold=1&options=-c%20plan_cache_mode=force_generic_plan."""
    url = 'jdbc:postgresql://127.0.0.1:5432/' + dbname
    return url + '?' + ARGS.pg_params if ARGS.pg_params else url


def fresh_db(db, name):
    """A new empty database: H2 file under target/bench/db, or PostgreSQL database cc_bench_<name>."""
    if db == 'h2':
        path = os.path.join(OUT, 'db', name)
        shutil.rmtree(path, ignore_errors=True)
        os.makedirs(path)
        return {'spring.datasource.url': 'jdbc:h2:file:%s/db;DB_CLOSE_ON_EXIT=FALSE' % path,
                'spring.datasource.username': 'sa', 'spring.datasource.password': ''}
    dbname = DB_PREFIX + name.replace('-', '_')
    subprocess.run(['dropdb', *PG, '--if-exists', '--force', dbname], check=True)
    subprocess.run(['createdb', *PG, dbname], check=True)
    return {'spring.datasource.url': pg_url(dbname),
            'spring.datasource.username': 'postgres', 'spring.datasource.password': ''}


class Node:
    def __init__(self, peer, port, props, name):
        self.peer, self.port, self.props, self.name = peer, port, props, name
        self.base = 'http://127.0.0.1:%d' % port
        self.proc = None

    def start(self):
        jar = BARE_JAR if self.peer == 'bare' else PRODUCT_JAR
        # BENCH_JAVA_OPTS: extra JVM options for diagnosis, e.g. -XX:StartFlightRecording=filename={node}.jfr
        # ({node} becomes the node's name, so each node of each peer writes its own file)
        args = ['java'] + os.environ.get('BENCH_JAVA_OPTS', '').replace('{node}', self.name).split() + [
            '-Dloader.path=' + SUPPORT_JAR, '-cp', jar, LAUNCHER, '--server.port=%d' % self.port]
        args += ['--%s=%s' % kv for kv in self.props.items()]
        self.logfile = open(os.path.join(OUT, 'logs', self.name + '.log'), 'w')
        t0 = time.perf_counter()
        self.proc = subprocess.Popen(args, stdout=self.logfile, stderr=subprocess.STDOUT, cwd=OUT)
        RUNNING.append(self)
        while True:
            if self.proc.poll() is not None:
                raise RuntimeError('%s exited (%s), see %s' % (self.name, self.proc.returncode, self.logfile.name))
            try:
                status = http(self.base, 'GET', '/bench/ready', timeout=2)[0]
                if status == 200:
                    break
                if status != 503:
                    raise RuntimeError('%s answers %s on /bench/ready: benchmark support not loaded' % (self.name, status))
            except OSError:
                pass
            time.sleep(0.1)
        self.ready_s = time.perf_counter() - t0
        self.rss_ready = self.rss_mb()
        return self

    def rss_mb(self):
        with open('/proc/%d/status' % self.proc.pid) as f:
            return round(int(re.search(r'VmRSS:\s+(\d+)', f.read()).group(1)) / 1024)

    def live_heap_mb(self):
        """Heap in use after a full collection (jcmd GC.run, then GC.heap_info): what the node keeps, apart from how
        far the collector let the heap grow (resident memory follows the allocation rate: the JVM's default maximum
        heap is a quarter of the machine's memory). None without jcmd."""
        try:
            subprocess.run(['jcmd', str(self.proc.pid), 'GC.run'], capture_output=True, timeout=120, check=True)
            out = subprocess.run(['jcmd', str(self.proc.pid), 'GC.heap_info'], capture_output=True, text=True,
                                 timeout=60, check=True).stdout
        except (OSError, subprocess.SubprocessError):
            return None
        m = re.search(r'heap\s+total \d+K, used (\d+)K', out)
        return round(int(m.group(1)) / 1024) if m else None

    def cpu_s(self):
        """CPU seconds the node has used (user + system): a per-job cost that other load on the machine
        does not distort as much as jobs/s."""
        fields = proc_stat('/proc/%d/stat' % self.proc.pid)[1]
        return (int(fields[11]) + int(fields[12])) / os.sysconf('SC_CLK_TCK')

    def get(self, path):
        status, text, _ = http(self.base, 'GET', path)
        if status != 200:
            raise RuntimeError('%s %s -> %s %s' % (self.name, path, status, text[:300]))
        return json.loads(text)

    def post(self, path, body=None):
        status, text, _ = http(self.base, 'POST', path, body if body is not None else {}, timeout=3600)
        if status != 200:
            raise RuntimeError('%s %s -> %s %s' % (self.name, path, status, text[:300]))
        return json.loads(text)

    def sql(self):
        return self.get('/bench/sql')['statements']

    def stop(self):
        if self.proc and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(60)
            except subprocess.TimeoutExpired:
                self.proc.kill()
        if not self.logfile.closed:
            self.logfile.close()


class Autovacuum:
    """PostgreSQL's autovacuum for the databases of a part, when the server has it off (this machine's test
    server does: `autovacuum = off`). A production server vacuums and analyzes on its own; without it the
    runtime tables, whose rows every task inserts and deletes, bloat with dead rows (169,000 in
    ACT_RU_EXECUTION after a national walk, 15 live) and the planner keeps empty-table statistics, so
    every query slows as the walk goes on, the product's more (it writes more rows). So: VACUUM (ANALYZE)
    every `--vacuum-every` seconds (autovacuum_naptime's default is 60), each database of the part in
    turn, both peers alike, from a thread of the benchmark (it does not run when the server autovacuums)."""
    checked = None

    def __init__(self, db, names):
        self.names = [DB_PREFIX + n.replace('-', '_') for n in names] if db == 'postgres' else []
        self.stop = threading.Event()

    @classmethod
    def server_off(cls):
        if cls.checked is None:
            out = subprocess.run(['psql', *PG, '-d', 'postgres', '-Atc', 'show autovacuum'], capture_output=True, text=True)
            cls.checked = out.stdout.strip() == 'off'
            if cls.checked:
                log('  PostgreSQL runs without autovacuum: the benchmark vacuums every %d s' % ARGS.vacuum_every)
                result('setup', 'postgres', '-', '-', 'server autovacuum', 'off', '',
                       'the benchmark runs VACUUM (ANALYZE) every %d s instead' % ARGS.vacuum_every)
        return cls.checked

    def now(self):
        for name in self.names:
            subprocess.run(['vacuumdb', *PG, '--analyze', '--quiet', '-d', name], capture_output=True)

    def seeded(self):
        """A database just seeded in bulk: its statistics, as autovacuum's analyze would have them."""
        if self.names and self.server_off():
            self.now()
        return self

    def __enter__(self):
        if self.names and ARGS.vacuum_every > 0 and self.server_off():
            def loop():
                while not self.stop.wait(ARGS.vacuum_every):
                    self.now()
            threading.Thread(target=loop, daemon=True).start()
        else:
            self.names = []
        return self

    def __exit__(self, *exc):
        self.stop.set()


def node(peer, db, name, props, port=None, fresh=True, dbprops=None):
    common = dict(dbprops or (fresh_db(db, name) if fresh else {}))
    common['spring.datasource.hikari.maximum-pool-size'] = ARGS.pool
    if peer == 'product':
        common.update({'cocreacion.demo.seed-exercise': 'false', 'spring.mail.host': '127.0.0.1',
                       'spring.mail.port': SMTP_PORT, 'logging.level.mx.cocreacion.reminder': 'WARN'})
        common.update(product_props())
    common.update(props)
    return Node(peer, port or PORTS[peer], common, '%s-%s-%s' % (db, name, peer)).start()


# ---------------------------------------------------------------- SMTP sink
class Sink:
    """In-process SMTP sink: counts messages and reminders per task id (from the Tasklist link)."""
    TASK = re.compile(rb'task(?:=3D|=)([0-9a-f]{8}-[0-9a-f-]{27})')

    def __init__(self):
        self.per_task, self.messages, self.lock = {}, 0, threading.Lock()
        self.loop = asyncio.new_event_loop()
        ready = threading.Event()

        def serve():
            asyncio.set_event_loop(self.loop)
            self.server = self.loop.run_until_complete(asyncio.start_server(self.session, '127.0.0.1', SMTP_PORT, backlog=512))
            ready.set()
            self.loop.run_forever()
        threading.Thread(target=serve, daemon=True).start()
        ready.wait()

    def reset(self):
        with self.lock:
            self.per_task, self.messages = {}, 0

    async def session(self, reader, writer):
        writer.write(b'220 bench sink\r\n')
        try:
            while True:
                line = await reader.readline()
                if not line:
                    break
                cmd = line[:4].upper()
                if cmd == b'DATA':
                    writer.write(b'354 go\r\n')
                    await writer.drain()
                    data = []
                    while True:
                        part = await reader.readline()
                        if part in (b'.\r\n', b'.\n', b''):
                            break
                        data.append(part)
                    body = b''.join(data).replace(b'=\r\n', b'').replace(b'=\n', b'')
                    m = self.TASK.search(body)
                    with self.lock:
                        self.messages += 1
                        if m:
                            key = m.group(1).decode()
                            self.per_task[key] = self.per_task.get(key, 0) + 1
                    writer.write(b'250 ok\r\n')
                elif cmd == b'QUIT':
                    writer.write(b'221 bye\r\n')
                    await writer.drain()
                    break
                elif cmd in (b'EHLO', b'HELO'):
                    writer.write(b'250 bench\r\n')
                else:
                    writer.write(b'250 ok\r\n')
                await writer.drain()
        finally:
            writer.close()

    def stats(self):
        with self.lock:
            return self.messages, len(self.per_task), sum(c - 1 for c in self.per_task.values() if c > 1)


# ---------------------------------------------------------------- parts
OPEN_EXERCISES = """exercises each peer starts before the walk and leaves open at their first task (default 32, one per
entidad), as a deployment in use always holds some. Without them a peer's runtime tables are empty between its rounds;
the VACUUM (ANALYZE) that then finds them empty records zero pages, PostgreSQL plans that peer's prepared statements
for empty tables (sequential scans, kept as generic plans), and its next round reads every dead row of ACT_RU_VARIABLE
and ACT_RU_EXECUTION until the next analyze: whichever peer it hit spent up to a third more time executing statements
(docs/benchmark.md, «The walk's lottery»). 0: none, as before 2026-12-06"""


def walk_part(db):
    """Both peers are up at once and walk in alternating rounds (N/5 exercises each, the first peer
    swapped every round), so a change in the machine's load during the run hits both alike. Each first opens
    --open-exercises exercises that stay at their first task (OPEN_EXERCISES)."""
    n, c = ARGS.n, ARGS.clients
    peers = ('product', 'bare')
    nodes, walks, per, s0, wall = {}, {}, {p: [] for p in peers}, {}, {p: 0.0 for p in peers}
    cpu = {p: 0.0 for p in peers}  # seconds of CPU of the peer's node (and PostgreSQL) during its rounds
    node_cpu = {p: 0.0 for p in peers}  # of its node alone
    threads = {p: {} for p in peers}  # of its node's thread groups (thread_cpu)
    try:
        for peer in peers:
            nodes[peer] = node(peer, db, 'walk-' + peer, {})
        for peer in peers:
            nd = nodes[peer]

            # serial probe: one exercise, SQL statements of each completion alone (median over the 27)
            def probe(before=None, key=None, nd=nd, peer=peer):
                if before is None:
                    return nd.sql()
                per[peer].append(nd.sql() - before)  # the count request itself runs no SQL
            Walk(nd.base, peer == 'bare', year0=2900, probe=probe, tag='probe').exercise(0)
            # Exercises left open at their first task (one per entidad by default), as a deployment in use holds
            # them: see OPEN_EXERCISES.
            opener = Walk(nd.base, peer == 'bare', year0=2800)
            for i in range(ARGS.open_exercises):
                opener.start(i)
            walks[peer] = Walk(nd.base, peer == 'bare')
            s0[peer] = nd.sql()
        chunk = max(c, -(-n // 5))
        with Autovacuum(db, ['walk-' + p for p in peers]):
            for r, first in enumerate(range(0, n, chunk)):
                for peer in (peers if r % 2 == 0 else peers[::-1]):
                    cpu0 = cpu_split(nodes[peer].proc.pid, db == 'postgres')
                    t0 = thread_cpu(nodes[peer].proc.pid)
                    wall[peer] += walks[peer].run(first, min(chunk, n - first), c)
                    t1 = thread_cpu(nodes[peer].proc.pid)
                    cpu1 = cpu_split(nodes[peer].proc.pid, db == 'postgres')
                    for g in t1:
                        threads[peer][g] = threads[peer].get(g, 0.0) + t1[g] - t0.get(g, 0.0)
                    cpu[peer] += sum(cpu1) - sum(cpu0)
                    node_cpu[peer] += cpu1[0] - cpu0[0]
                log('  walked %d of %d (product %.0f s, bare %.0f s)' % (min(n, first + chunk), n, wall['product'], wall['bare']))
        statements = {p: nodes[p].sql() - s0[p] for p in peers}
        rss = {p: nodes[p].rss_mb() for p in peers}
        live = {p: nodes[p].live_heap_mb() for p in peers}  # after the RSS: a full collection changes it
    finally:
        for nd in nodes.values():
            nd.stop()
    figures = {}
    for peer in peers:
        w = walks[peer]
        done = n - len(w.errors)
        allreq = [x for xs in w.lat.values() for x in xs]
        comp = w.lat.get('complete', [])
        f = figures[peer] = {'ex_s': done / wall[peer], 'comp_s': len(comp) / wall[peer]}
        cfg = 'N=%d C=%d' % (n, c)
        result('walk', db, peer, cfg, 'errors', len(w.errors), '', (w.errors[0][:160] if w.errors else ''))
        result('walk', db, peer, cfg, 'exercises/s', round(f['ex_s'], 3))
        result('walk', db, peer, cfg, 'completions/s', round(f['comp_s'], 1))
        for name, xs in (('request', allreq), ('completion', comp)):
            for p in (.5, .95, .99):
                result('walk', db, peer, cfg, '%s p%d' % (name, round(p * 100)), pct(xs, p), 'ms')
        result('walk', db, peer, cfg, 'SQL/completion (serial, median)', statistics.median(per[peer]) if per[peer] else None, 'stmt')
        result('walk', db, peer, cfg, 'SQL/completion (walk, all requests)', round(statements[peer] / max(1, len(comp)), 1), 'stmt')
        result('walk', db, peer, cfg, 'RSS after walk', rss[peer], 'MB')
        result('walk', db, peer, cfg, 'live heap after walk (full GC)', live[peer], 'MB', 'what the node keeps; RSS also holds heap the collector grew into')
        f['cpu_ex'] = cpu[peer] / max(1, done)
        result('walk', db, peer, cfg, 'CPU per exercise (node%s)' % (' + PostgreSQL' if db == 'postgres' else ''),
               round(1000 * f['cpu_ex']), 'ms', 'seconds of CPU used during its rounds / exercises walked')
        if db == 'postgres':
            result('walk', db, peer, cfg, 'CPU per exercise, node alone', round(1000 * node_cpu[peer] / max(1, done)), 'ms',
                   'the rest is PostgreSQL\'s')
        for g in sorted(threads[peer], key=threads[peer].get, reverse=True):
            result('walk', db, peer, cfg, 'CPU per exercise, node: ' + g, round(1000 * threads[peer][g] / max(1, done), 1), 'ms',
                   'its threads during the rounds (thread_cpu)')
    if figures['bare']['ex_s']:
        result('walk', db, 'ratio', 'N=%d C=%d' % (n, c),
               'product/bare time per exercise (goal <= 1.5%s)' % (' now, 1.3 later' if db == 'postgres' else ', PostgreSQL\'s'),
               round(figures['bare']['ex_s'] / figures['product']['ex_s'], 2), 'x')
    if figures['bare']['cpu_ex']:
        result('walk', db, 'ratio', 'N=%d C=%d' % (n, c), 'product/bare CPU per exercise (less noisy than time)',
               round(figures['product']['cpu_ex'] / figures['bare']['cpu_ex'], 2), 'x')
    if rss['bare']:
        result('walk', db, 'ratio', 'N=%d C=%d' % (n, c), 'product/bare RSS after walk (goal <= 1.3)',
               round(rss['product'] / rss['bare'], 2), 'x')
    if live['bare'] and live['product']:
        result('walk', db, 'ratio', 'N=%d C=%d' % (n, c), 'product/bare live heap after walk (full GC)',
               round(live['product'] / live['bare'], 2), 'x')


def clone_db(db, source, name):
    """A copy of a seeded database (H2: the files; PostgreSQL: CREATE DATABASE ... TEMPLATE)."""
    if db == 'h2':
        path = os.path.join(OUT, 'db', name)
        shutil.rmtree(path, ignore_errors=True)
        shutil.copytree(os.path.join(OUT, 'db', source), path)
        return {'spring.datasource.url': 'jdbc:h2:file:%s/db;DB_CLOSE_ON_EXIT=FALSE' % path,
                'spring.datasource.username': 'sa', 'spring.datasource.password': ''}
    target, template = DB_PREFIX + name.replace('-', '_'), DB_PREFIX + source.replace('-', '_')
    subprocess.run(['dropdb', *PG, '--if-exists', '--force', target], check=True)
    subprocess.run(['createdb', *PG, '-T', template, target], check=True)
    return {'spring.datasource.url': pg_url(target),
            'spring.datasource.username': 'postgres', 'spring.datasource.password': ''}


def storm_seed(db, peer, props=None):
    """Seeds once per peer and database: n instances, each one user task whose reminder timer is not
    due yet (product: `outreach` of the demo entidades oax, jal, cam, whose guarantors get the e-mail;
    bare: `reminder-storm`). Each configuration then runs on a copy of this database."""
    props = props or {}
    sweeper = design_of(peer, props) == 'sweeper'
    name = 'storm-seed-' + peer + ('-sweeper' if sweeper else '')
    marker = os.path.join(OUT, 'db', name, 'seeded-%d' % ARGS.storm_n)
    if ARGS.reuse_seed and db == 'h2' and os.path.exists(marker):
        log('  reusing the seeded database %s (--reuse-seed)' % name)
        return name
    nd = node(peer, db, name, {**props, JE + 'enabled': 'false'})
    try:
        key = 'outreach' if peer == 'product' else 'reminder-storm'
        seeded = nd.post('/bench/start?key=%s&n=%d&threads=2&entities=oax,jal,cam&prefix=storm&exercise=%s'
                         % (key, ARGS.storm_n, 'true' if peer == 'product' else 'false'),
                         {'exerciseName': 'Ejercicio nacional de prueba'})
        log('  seeded %d %s instances in %.1f s' % (ARGS.storm_n, key, seeded['millis'] / 1000))
    finally:
        nd.stop()
    if db == 'h2':
        open(marker, 'w').close()
    return name


def storm_one(db, peer, config, props, seed, nodes=1, top=None):
    """The seeded reminders all due at one instant; drain time and jobs/s; e-mails, duplicates, lost.
    With `top` (a file name) also the statements by text, per reminder (diagnosis: costs CPU)."""
    name = 'storm-%s-%s%s' % (peer, config, '' if nodes == 1 else '-x%d' % nodes)
    # Reminder design sweeper: no timers to move; the tasks fall due and the sweep runs at once (BenchController).
    sweeper = design_of(peer, props) == 'sweeper'
    design = '&design=sweeper' if sweeper else ''
    dbprops = clone_db(db, seed, name)
    vacuum = Autovacuum(db, [name]).seeded()
    first = node(peer, db, name, props, dbprops=dbprops)
    others = []
    try:
        for i in range(1, nodes):
            others.append(node(peer, db, name + '-n%d' % (i + 1), props, port=PORTS['product-2'], dbprops=dbprops))
        SINK.reset()
        if top:
            first.get('/bench/sql/top?reset=true&track=true')
        if ARGS.jfr:
            subprocess.run(['jcmd', str(first.proc.pid), 'JFR.start', 'name=storm', 'settings=profile'],
                           check=True, capture_output=True)
        s0 = first.sql()
        c0 = [nd.cpu_s() for nd in [first] + others]
        at = datetime.now(timezone.utc) - timedelta(seconds=1)
        iso = at.strftime('%Y-%m-%dT%H:%M:%S.000Z')
        moved = first.post('/bench/timers/due?at=' + iso + design)
        t0 = time.perf_counter()
        t_first, due, last = None, moved['jobs'], moved['jobs']
        deadline = t0 + ARGS.storm_timeout
        with vacuum:
            while due > 0 and time.perf_counter() < deadline:
                time.sleep(0.25)
                st = first.get('/bench/timers/due?at=' + iso + design)
                due = st['due']
                if t_first is None and due < last:
                    t_first = time.perf_counter()
        t_end = time.perf_counter()
        st = first.get('/bench/timers/due?at=' + iso + design)
        time.sleep(1)  # the last e-mails of committed jobs reach the sink
        msgs, tasks, dups = SINK.stats()
        statements = first.sql() - s0
        cpu = sum(nd.cpu_s() for nd in [first] + others) - sum(c0)
        if ARGS.jfr:
            jfr = os.path.join(OUT, name + '.jfr')
            subprocess.run(['jcmd', str(first.proc.pid), 'JFR.stop', 'name=storm', 'filename=' + jfr],
                           check=True, capture_output=True)
            log('  flight recording of the storm (node 1): ' + jfr)
        rss = first.rss_mb()
        if top:
            jobs = max(1, moved['jobs'])
            with open(os.path.join(OUT, top), 'w') as f:
                f.write('%d statements for %d reminders (%.1f each, polling of the drain included)\n'
                        % (statements, jobs, statements / jobs))
                for t in first.get('/bench/sql/top?limit=80&track=false'):
                    f.write('%8.2f  %s\n' % (t['n'] / jobs, t['sql']))
    finally:
        for nd in [first] + others:
            nd.stop()
    drain = t_end - t0
    busy = t_end - (t_first or t0)
    label = '%s%s' % (config, '' if nodes == 1 else ' x%d nodes' % nodes)
    result('storm', db, peer, label, 'reminders due', moved['jobs'])
    result('storm', db, peer, label, 'still due at end', st['due'], '', 'timeout' if st['due'] else '')
    result('storm', db, peer, label, 'failed jobs', st['failed'])
    result('storm', db, peer, label, 'drain time', round(drain, 1), 's')
    result('storm', db, peer, label, 'jobs/s (drain)', round(moved['jobs'] / drain, 1))
    result('storm', db, peer, label, 'jobs/s (first to last)', round(moved['jobs'] / busy, 1))
    result('storm', db, peer, label, 'SQL per reminder', round(statements / max(1, moved['jobs']), 1), 'stmt',
           'node 1 only' if nodes > 1 else '')
    result('storm', db, peer, label, 'node CPU per reminder', round(cpu * 1000 / max(1, moved['jobs']), 2), 'ms',
           'all nodes' if nodes > 1 else '')
    if peer == 'product':
        result('storm', db, peer, label, 'e-mails', msgs)
        result('storm', db, peer, label, 'duplicate e-mails', dups, '', 'goal 0')
        result('storm', db, peer, label, 'lost reminders', moved['jobs'] - tasks, '', 'goal 0')
    result('storm', db, peer, label, 'RSS after storm', rss, 'MB', 'node 1')
    return moved['jobs'] / drain


def product_props():
    """--product-props a=1,b=2: properties of every product node (e.g. cocreacion.reminders.design=sweeper for
    the walk and sqltop); a storm configuration's own properties still win."""
    return dict(kv.split('=', 1) for kv in ARGS.product_props.split(',')) if ARGS.product_props else {}


DESIGN = 'cocreacion.reminders.design'
DEFAULT_DESIGN = 'sweeper'  # application.yaml, since issue 19
SWEEPER = {DESIGN: 'sweeper'}  # the only design since issue 19 retired `timers` (a timer per user task)


def design_of(peer, props=None):
    """The reminder design of a product node: its own properties, then --product-props, then the default."""
    if peer != 'product':
        return None
    return {**product_props(), **(props or {})}.get(DESIGN, DEFAULT_DESIGN)


def design_tag(peer, props=None):
    """'-<design>' for a product node not in the default design (file and configuration names), else ''."""
    design = design_of(peer, props)
    return '-' + design if design and design != DEFAULT_DESIGN else ''


def je_override():
    """--je a=1,b=2: tuning experiments without rebuilding (applied to the product and the bare peer)."""
    return dict(kv.split('=', 1) for kv in ARGS.je.split(',')) if ARGS.je else {}


def storm_part(db):
    tuned = {JE + k: v for k, v in {**product_je(), **je_override()}.items()}
    experiment = {JE + k: v for k, v in je_override().items()}
    defaults = {JE + k: v for k, v in JE_DEFAULTS.items()}
    configs = ARGS.storm_configs.split(',')
    rate = {}
    if {'tuned', 'default', 'two'} & set(configs):
        seed = storm_seed(db, 'product')
        if 'tuned' in configs:
            rate['tuned'] = storm_one(db, 'product', 'tuned', experiment, seed)
        if 'default' in configs:
            rate['default'] = storm_one(db, 'product', 'default', defaults, seed)
        if db == 'postgres' and 'two' in configs:
            rate['two'] = storm_one(db, 'product', 'tuned', experiment, seed, nodes=2)
    for design, props in (('sweeper', SWEEPER),):
        if {design, design + '-two'} & set(configs):
            seed = storm_seed(db, 'product', props)
            if design in configs:
                rate[design] = storm_one(db, 'product', design, {**experiment, **props}, seed)
            if db == 'postgres' and design + '-two' in configs:
                rate[design + '-two'] = storm_one(db, 'product', design, {**experiment, **props}, seed, nodes=2)
    if {'bare', 'bare-default'} & set(configs):
        seed = storm_seed(db, 'bare')
        if 'bare' in configs:
            rate['bare'] = storm_one(db, 'bare', 'tuned', tuned, seed)
        if 'bare-default' in configs:
            rate['bare-default'] = storm_one(db, 'bare', 'default', defaults, seed)
    # The storm goals hold on PostgreSQL, the production database; on H2 (the embedded default for trying the
    # product) they were retired (issue 19): the ratios are still printed, to compare runs.
    goal = (lambda g: '(goal %s)' % g) if db == 'postgres' else (lambda g: '(goal %s on PostgreSQL)' % g)
    if 'tuned' in rate and 'bare' in rate:
        result('storm', db, 'ratio', 'tuned', 'product/bare jobs/s ' + goal('>= 0.8'), round(rate['tuned'] / rate['bare'], 2), 'x')
    if 'tuned' in rate and 'default' in rate:
        result('storm', db, 'ratio', 'tuned', 'tuned/default jobs/s ' + goal('>= 1.5'), round(rate['tuned'] / rate['default'], 2), 'x')
    if 'tuned' in rate and 'two' in rate:
        result('storm', db, 'ratio', 'tuned', '2 nodes / 1 node jobs/s', round(rate['two'] / rate['tuned'], 2), 'x')


# (path, label, auth, gzip): public reads accept gzip as browsers and most HTTP libraries do; the national
# open data is also read without it (a client that does not ask for it gets the 1 MB as it is).
READ_URLS = [('/micrositio', 'micrositio', None, True), ('/micrositio/{t}', 'micrositio/{tenant}', None, True),
             ('/api/public/exercises', 'open data JSON', None, True), ('/api/public/exercises.csv', 'open data CSV', None, True),
             ('/api/public/exercises', 'open data JSON without gzip', None, False),
             ('/api/public/exercises.csv', 'open data CSV without gzip', None, False),
             ('/api/public/exercises/{t}/commitments', 'commitments JSON', None, True),
             ('/api/public/exercises/{t}/commitments.csv', 'commitments CSV', None, True)]


def timed_requests(base, specs, clients):
    """[(status, seconds)] of the requests (method, path, body, auth, gzip), `clients` at a time. With curl, a
    native client like a browser (one kept-alive connection per client, gzip unzipped as it arrives), so the
    figures are the server's and the network's, not the benchmark's Python (which spent 11 ms of its own
    reading the 1 MB open data, 45 ms at p50 with 4 threads sharing the interpreter); else urllib."""
    chunks = [specs[i::clients] for i in range(clients)]

    def with_curl(chunk):
        config = []
        for k, (method, path, body, auth, gz) in enumerate(chunk):
            if k:
                config.append('next')
            config += ['url = "%s%s"' % (base, path), 'output = "/dev/null"', 'silent', 'max-time = 120',
                       'write-out = "%{http_code} %{time_total}\\n"']
            if gz:
                config.append('compressed')
            if auth:
                config.append('header = "Authorization: Basic %s"' % base64.b64encode(auth.encode()).decode())
            if method == 'POST':
                config += ['request = "POST"', 'header = "Content-Type: application/json"',
                           'data = %s' % json.dumps(json.dumps(body))]
        done = subprocess.run(['curl', '-K', '-'], input='\n'.join(config) + '\n', capture_output=True, text=True)
        answers = [(int(code), float(seconds)) for code, seconds in (line.split() for line in done.stdout.splitlines())]
        if len(answers) != len(chunk):  # a transfer curl could not make (code 000) still prints its line
            raise RuntimeError('curl answered %d of %d requests (exit %d): %s'
                               % (len(answers), len(chunk), done.returncode, done.stderr[:300]))
        return answers

    def with_urllib(chunk):
        return [http(base, method, path, body, auth=auth, gzip=gz)[::2] for method, path, body, auth, gz in chunk]
    with ThreadPoolExecutor(clients) as ex:
        return [a for part in ex.map(with_curl if CURL else with_urllib, chunks) for a in part]


def read_part(db):
    nd = node('product', db, 'read', {})
    try:
        seeded = nd.post('/bench/seed-read?exercises=%d&commitments=10&activities=5' % ARGS.read_n)
        Autovacuum(db, ['read']).seeded()
        result('read', db, 'product', 'seed', 'seeded', json.dumps({k: v for k, v in seeded.items() if k != 'millis'}).replace(',', ';'),
               '', '%.1f s' % (seeded['millis'] / 1000))
        auth = 'oax-guarantor:demo'
        status, text, _ = http(nd.base, 'GET', '/engine-rest/filter?resourceType=Task', auth=auth)
        filters = json.loads(text) if status == 200 else []
        group = [f for f in filters if 'grupo' in f.get('name', '').lower()] or filters
        urls = list(READ_URLS)
        if group:
            urls.append(('POST /engine-rest/filter/%s/list?firstResult=0&maxResults=15' % group[0]['id'],
                         'Tasklist "%s" (oax-guarantor)' % group[0]['name'], auth, False))
        urls.append(('/engine-rest/task?candidateUser=oax-guarantor&sortBy=created&sortOrder=desc&maxResults=15',
                     'task query candidateUser (oax-guarantor)', auth, False))
        for path, label, a, gz in urls:
            method, p = ('POST', path[5:]) if path.startswith('POST ') else ('GET', path)
            body = {'sorting': [{'sortBy': 'created', 'sortOrder': 'desc'}]} if method == 'POST' else None

            def spec(i, p=p, method=method, body=body, a=a, gz=gz):
                return method, p.replace('{t}', TENANTS[i % 32]), body, a, gz
            # Serially, every entidad once: the first reads miss the cache.
            first = [dt for status, dt in timed_requests(nd.base, [spec(i) for i in range(ARGS.read_warmup)], 1) if status == 200]
            answers = timed_requests(nd.base, [spec(i) for i in range(ARGS.read_requests)], ARGS.clients)
            lat = [dt for status, dt in answers if status == 200]
            errs = [status for status, dt in answers if status != 200]
            for q in (.5, .95):
                result('read', db, 'product', 'C=%d' % ARGS.clients, '%s p%d' % (label, round(q * 100)), pct(lat, q), 'ms',
                       ('%d errors %s' % (len(errs), errs[:3])) if errs else '')
            if '{t}' in path:
                result('read', db, 'product', 'C=1', '%s first read of each entidad p50' % label, pct(first[:32], .5), 'ms',
                       'warm-up, cache misses')
        result('read', db, 'product', '', 'RSS after read', nd.rss_mb(), 'MB')
    finally:
        nd.stop()


def people_form(key, person, n):
    """What a person submits from the form of a task of `key` (Tasklist's submit-form), as the walk's variables."""
    tag = '%s%d' % (person.replace('-', ''), n)
    if key == 'sign-declaration':
        return {'signatoryName': v('Persona %s' % person, 'String'), 'signed': v(True, 'Boolean')}
    if key == 'conduct-outreach':
        return {'outreachSessions': v([{'date': '2031-01-10', 'place': 'Sede', 'attendees': 30}], 'Json'),
                'actors': v([{'name': 'Actor ' + s, 'organization': 'Org', 'sector': s, 'email': 'a.%s.%s@x.mx' % (s, tag)}
                             for s in SECT], 'Json')}
    if key == 'convene-stl-meeting':
        return {'meetingDate': v(d('2031-02-01'), 'Date'), 'meetingPlace': v('Sala de plenos', 'String')}
    if key == 'elect-stl':
        return {'stlMembers': v([dict(m, email=m['email'] % ('p' + tag)) for m in MEMBERS], 'Json'), 'meetingMinutes': MINUTES}
    return None


# Tasklist 7.24 opens with the number of filters and the filters without counts, then the page of the focused filter
# as HAL (its tasks, their count and what it shows beside them: assignees, candidate groups, process definitions).
# `GET /filter?itemCount=true` (each filter's count) is what the issue named and what API clients ask; Tasklist does not.
PEOPLE_CALLS = ('login (first request)', 'filters with counts', 'Tasklist: filter count', 'Tasklist: filters',
                'Tasklist: filter page (15, HAL)', 'task', 'form variables', 'claim', 'submit form')


def people_call(method, path, query=''):
    """The people part's name of a request seen in Tomcat's access log (None: not one of a person's calls)."""
    if method == 'GET' and re.match(r'/engine-rest/user/[^/]+/profile$', path):
        return 'login (first request)'
    if method == 'GET' and path == '/engine-rest/filter':
        return 'filters with counts' if 'itemCount=true' in query else 'Tasklist: filters'
    if method == 'GET' and path == '/engine-rest/filter/count':
        return 'Tasklist: filter count'
    for m, pattern, kind in (('POST', r'/engine-rest/filter/[^/]+/list$', 'Tasklist: filter page (15, HAL)'),
                             ('GET', r'/engine-rest/task/[^/]+$', 'task'),
                             ('GET', r'/engine-rest/task/[^/]+/form-variables$', 'form variables'),
                             ('POST', r'/engine-rest/task/[^/]+/claim$', 'claim'),
                             ('POST', r'/engine-rest/task/[^/]+/submit-form$', 'submit form')):
        if method == m and re.match(pattern, path):
            return kind
    return None


def people_part(db):
    """What a person waits for in Tasklist at national scale (product only: the bare peer has no accounts, tenants,
    filters or forms to compare). The read part's 2,500 exercises (their plan of record and one open task each) are
    seeded; then `--people-exercises` exercises per entidad are started, and `--people` people at once (the sector
    accounts of the entidades, the three of each entidad in turn) each do what Tasklist does for a task of theirs, until they have
    none left: the filters with their counts, the first page of "my group's tasks", the task, its form variables, and
    the submitted form (sign-declaration, then the guarantor's conduct-outreach, convene-stl-meeting and elect-stl).
    A person thinks between two calls (`--people-think` seconds on average, exponential), as people do.

    A node that has just started answers its first requests of each kind slowly (classes loaded, code compiled), which
    a server that has run for a day does not: `--people-warmup` rounds (1) of the same work, on exercises of their own,
    come first and are reported apart. The measured round starts more than 30 s later, so every login checks the
    password again. Each call is timed twice: by the people's client (Python, one thread per person, sharing one
    interpreter: it adds its own waits under load) and by the server (Tomcat's access log, from the request read to the
    answer written)."""
    access = os.path.join(OUT, 'logs', 'people-access-%s' % db)
    shutil.rmtree(access, ignore_errors=True)
    nd = node('product', db, 'people', {'cocreacion.demo.tenants': ','.join(TENANTS),
                                        'server.tomcat.accesslog.enabled': 'true',
                                        'server.tomcat.accesslog.directory': access,
                                        'server.tomcat.accesslog.prefix': 'access', 'server.tomcat.accesslog.suffix': '.log',
                                        'server.tomcat.accesslog.rotate': 'false', 'server.tomcat.accesslog.buffered': 'false',
                                        # begin of the request (ms since the epoch), method, path, query, status, time taken (%D: microseconds since Tomcat 10)
                                        'server.tomcat.accesslog.pattern': '%{begin:msec}t %m %U q=%q %s %D'})
    try:
        seeded = nd.post('/bench/seed-read?exercises=%d&commitments=10&activities=5' % ARGS.read_n)
        Autovacuum(db, ['people']).seeded()
        admin = Walk(nd.base, False)
        people = ['%s-%s' % (t, s) for t in TENANTS for s in SECT][:ARGS.people]
        cfg = 'people=%d think=%ss' % (len(people), ARGS.people_think)
        result('people', db, 'product', 'seed', 'seeded', json.dumps({k: v_ for k, v_ in seeded.items() if k != 'millis'})
               .replace(',', ';'), '', '%.1f s' % (seeded['millis'] / 1000))
        for w in range(ARGS.people_warmup):
            r = people_round(nd, admin, people, 2780 + w * ARGS.people_exercises)
            result('people', db, 'product', 'warm-up %d' % (w + 1), 'tasks done', r['cycles'], '',
                   '%.0f s, %d errors, p95 of the calls %s ms' % (r['wall'], len(r['errors']), '/'.join(
                       str(pct(r['lat'].get(k, []), .95)) for k in PEOPLE_CALLS)))
            time.sleep(31)  # the logins REST keeps (30 s) are forgotten: the measured round logs in again
        r = people_round(nd, admin, people, 2700)
        with open(os.path.join(OUT, 'people-errors-%s.txt' % db), 'w') as f:
            f.write('\n'.join(r['errors']))
        result('people', db, 'product', cfg, 'tasks done', r['cycles'], '', '%.0f s' % r['wall'])
        result('people', db, 'product', cfg, 'errors', len(r['errors']), '', r['errors'][0][:160] if r['errors'] else '')
        result('people', db, 'product', cfg, '409 conflicts (sent again)', len(r['conflicts']), '',
               'optimistic locking: two people completing the same multi-instance at once')
        server = {}
        for name in os.listdir(access):
            with open(os.path.join(access, name)) as f:
                for line in f:
                    parts = line.split()
                    if len(parts) == 6 and r['t0'] <= int(parts[0]) / 1000 <= r['t1']:
                        kind = people_call(parts[1], parts[2], parts[3])
                        if kind:
                            server.setdefault(kind, []).append(int(parts[5]) / 1e6)
        for kind in PEOPLE_CALLS:
            for q in (.5, .95, .99):
                result('people', db, 'product', cfg, '%s p%d%s' % (kind, round(q * 100), ' (goal <= 100 ms)' if q == .95 else ''),
                       pct(r['lat'].get(kind, []), q), 'ms', 'server %s ms, %d calls' % (pct(server.get(kind, []), q),
                                                                                   len(r['lat'].get(kind, []))))
        result('people', db, 'product', cfg, 'RSS after people', nd.rss_mb(), 'MB')
    finally:
        nd.stop()


def people_round(nd, admin, people, key0):
    """One round of the people part: `--people-exercises` exercises per entidad started (business keys from key0), then
    every person works until none of their tasks is left. Latencies per call (client side), errors, conflicts."""
    since = datetime.now(timezone.utc)  # tasks created before (the seed's, an earlier round's) are not this round's
    for r in range(ARGS.people_exercises):
        for t in TENANTS:
            admin.call('start', 'POST', '/engine-rest/process-definition/key/local-exercise/start', {
                'businessKey': '%s-%d' % (t, key0 + r),
                'variables': {'entity': v(t, 'String'), 'exerciseName': v('Ejercicio %s %d' % (t, key0 + r), 'String'),
                              'guarantorBody': v('Órgano garante', 'String')}})

    def created(task):  # the seeded tasks are older than the people's
        return datetime.strptime(task['created'], '%Y-%m-%dT%H:%M:%S.%f%z') if task.get('created') else since
    lat, errors, conflicts, seen, lock = {}, [], [], set(), threading.Lock()
    done = {'cycles': 0}

    def timed(kind, person, method, path, body=None, conflict_ok=False, accept=None):
        """The call's answer (JSON), its latency kept under `kind`; None for a 409 when `conflict_ok`."""
        status, text, dt = http(nd.base, method, path, body, auth=person + ':demo', accept=accept)
        with lock:
            lat.setdefault(kind, []).append(dt)
        if status == 409 and conflict_ok:
            return None
        if status >= 300:
            raise RuntimeError('%s %s %s -> %s %s' % (person, method, path, status, text[:200]))
        return json.loads(text) if text.strip() else {}

    def person_works(k):
        person, rng, n, idle = people[k], random.Random(k * 1000 + key0), 0, 0
        think = lambda: time.sleep(rng.expovariate(1 / ARGS.people_think) if ARGS.people_think > 0 else 0)
        try:
            # Logging in checks the password once (REST keeps the login for a while, as Tasklist keeps a session).
            time.sleep(rng.uniform(0, 2 * ARGS.people_think))
            timed('login (first request)', person, 'GET', '/engine-rest/user/%s/profile' % person)
            while idle < 10:  # a person with nothing to do looks again a few times, then leaves
                # What Tasklist 7.24 asks when it opens (camunda-tasklist-bootstrap.js: filter count, then the list
                # without counts) and, apart, each filter's count as an API client asks for it.
                timed('Tasklist: filter count', person, 'GET', '/engine-rest/filter/count?itemCount=false&resourceType=Task')
                timed('Tasklist: filters', person, 'GET',
                      '/engine-rest/filter?firstResult=0&maxResults=2000&itemCount=false&resourceType=Task')
                filters = timed('filters with counts', person, 'GET',
                                '/engine-rest/filter?resourceType=Task&itemCount=true&firstResult=0&maxResults=2000')
                group = [f for f in filters if 'grupo' in f.get('name', '').lower()] or filters
                think()
                page = timed('Tasklist: filter page (15, HAL)', person, 'POST',
                             '/engine-rest/filter/%s/list?firstResult=0&maxResults=15' % group[0]['id'],
                             {'processVariables': [], 'taskVariables': [], 'caseInstanceVariables': [],
                              'sorting': [{'sortBy': 'created', 'sortOrder': 'desc'}],
                              # the search a person types in Tasklist: their exercises (the seeded ones sort first)
                              'processInstanceBusinessKeyLike': '%-27__'}, accept='application/hal+json')
                page = page.get('_embedded', {}).get('task', [])
                mine = [t for t in page if t['id'] not in seen and created(t) >= since
                        and people_form(t['taskDefinitionKey'], person, n) is not None]
                if not mine:
                    idle += 1
                    think()
                    continue
                idle, task = 0, mine[0]
                seen.add(task['id'])
                think()
                timed('task', person, 'GET', '/engine-rest/task/%s' % task['id'])
                timed('form variables', person, 'GET', '/engine-rest/task/%s/form-variables' % task['id'])
                think()
                timed('claim', person, 'POST', '/engine-rest/task/%s/claim' % task['id'], {'userId': person})
                think()
                if timed('submit form', person, 'POST', '/engine-rest/task/%s/submit-form' % task['id'],
                         {'variables': people_form(task['taskDefinitionKey'], person, n)}, conflict_ok=True) is None:
                    with lock:  # two sectors signed at the same instant: the person sends again
                        conflicts.append(person)
                    seen.discard(task['id'])
                    continue
                n += 1
                with lock:
                    done['cycles'] += 1
                think()
        except Exception as e:  # counted and reported; the other people go on
            with lock:
                errors.append(repr(e)[:300])
    t0 = time.time()
    with ThreadPoolExecutor(len(people)) as ex:
        list(ex.map(person_works, range(len(people))))
    t1 = time.time()
    return {'lat': lat, 'errors': errors, 'conflicts': conflicts, 'cycles': done['cycles'], 'wall': t1 - t0,
            't0': t0, 't1': t1}


# Where an exercise's statements go (sqltop): the first pattern a statement matches names its category.
SQL_CATEGORIES = [
    ('REST login (password, groups, tenants)', r'from ACT_ID_USER where ID_|ACT_ID_GROUP RES inner join ACT_ID_MEMBERSHIP|'
                                               r'ACT_ID_TENANT RES inner join ACT_ID_TENANT_MEMBER'),
    ('authorization checks (per command)', r'^SELECT (CASE WHEN EXISTS|distinct\(A\.GROUP_ID_\)|IFNULL|COALESCE).*ACT_RU_AUTHORIZATION|'
                                           r'^select RESOURCE_TYPE_, RESOURCE_ID_, PERMS_ from \w*ACT_RU_AUTHORIZATION'),  # the plugin's
    ('task authorizations (rows)', r'ACT_RU_AUTHORIZATION'),
    ('accounts (provisioning)', r'\bACT_ID_(USER|GROUP|MEMBERSHIP|TENANT|INFO)'),
    ('operation log (audit)', r'ACT_HI_OP_LOG'),
    ('reminder timers (jobs, job log)', r'ACT_RU_JOB|ACT_HI_JOB_LOG|ACT_RU_INCIDENT'),
    ('variables (runtime, history, bytes)', r'ACT_RU_VARIABLE|ACT_HI_VARINST|ACT_HI_DETAIL|ACT_GE_BYTEARRAY'),
    ('candidates (identity links)', r'IDENTITYLINK'),
    ('comments, attachments', r'ACT_HI_COMMENT|ACT_HI_ATTACHMENT'),
    ('plan of record (cc_*)', r'\bcc_'),
    ('engine core (executions, tasks, activities)', r'.'),
]


def sqltop_part(db):
    """Diagnosis: the statements of one exercise, by text, for each peer (target/bench/sqltop-<db>-<peer>.txt),
    and by category (rows of the table): where the product's extra statements go. --sqltop-peers picks the peers;
    product-sweeper is the product with its reminder design named (the only one since issue 19)."""
    for label in ARGS.sqltop_peers.split(','):
        peer = 'bare' if label == 'bare' else 'product'
        props = {'product-sweeper': SWEEPER}.get(label, {})
        tag = '-' + label.split('-')[1] if '-' in label else design_tag(peer)
        nd = node(peer, db, 'sqltop-' + label, props)
        try:
            Walk(nd.base, peer == 'bare', tag='warm').exercise(1)  # warm-up: caches, first-time deployments
            nd.get('/bench/sql/top?reset=true&track=true')
            s0 = nd.sql()
            Walk(nd.base, peer == 'bare').exercise(2)
            total = nd.sql() - s0
            top = nd.get('/bench/sql/top?limit=100000&track=false')
        finally:
            nd.stop()
        with open(os.path.join(OUT, 'sqltop-%s-%s%s.txt' % (db, peer, tag)), 'w') as f:
            f.write('%d statements in one exercise (27 completions)\n' % total)
            for t in top:
                f.write('%6d  %s\n' % (t['n'], t['sql']))
        cfg = '1 exercise' + tag
        result('sqltop', db, peer, cfg, 'statements', total, 'stmt', 'see sqltop-%s-%s%s.txt' % (db, peer, tag))
        counts = {name: 0 for name, _ in SQL_CATEGORIES}
        for t in top:
            name = next(name for name, rx in SQL_CATEGORIES if re.search(rx, t['sql'], re.I))
            counts[name] += t['n']
        for name, k in counts.items():
            result('sqltop', db, peer, cfg, name, k, 'stmt')


def stormtop_part(db):
    """Diagnosis (not in the default parts): the statements of one reminder by text, per peer, from a
    storm of --storm-n reminders with the product's settings (target/bench/stormtop-<db>-<peer>.txt)."""
    tuned = {JE + k: v for k, v in {**product_je(), **je_override()}.items()}
    experiment = {JE + k: v for k, v in je_override().items()}
    for peer, props in (('product', experiment), ('bare', tuned)):
        seed = storm_seed(db, peer)
        storm_one(db, peer, 'top' + design_tag(peer), props, seed, top='stormtop-%s-%s%s.txt' % (db, peer, design_tag(peer)))


def startup_part(db):
    """Time to ready and RSS on an empty database and on a restart, for both peers, in --startup-rounds
    alternating rounds (the first peer swapped each round); the medians go into the table, so one start
    slowed by the machine does not decide the ratio."""
    peers = ('product', 'bare')
    seen = {(p, k): [] for p in peers for k in ('empty database', 'restart')}
    for r in range(ARGS.startup_rounds):
        for peer in (peers if r % 2 == 0 else peers[::-1]):
            fresh = node(peer, db, 'startup-%s' % peer, {})
            seen[(peer, 'empty database')].append((fresh.ready_s, fresh.rss_ready))
            props = dict(fresh.props)
            fresh.stop()
            again = Node(peer, fresh.port, props, fresh.name + '-restart').start()
            seen[(peer, 'restart')].append((again.ready_s, again.rss_ready))
            again.stop()
    for (peer, kind), xs in seen.items():
        result('startup', db, peer, kind, 'time to ready (median of %d)' % len(xs),
               round(statistics.median(x[0] for x in xs), 1), 's', ' '.join('%.1f' % x[0] for x in xs))
        result('startup', db, peer, kind, 'RSS when ready (median)', statistics.median(x[1] for x in xs), 'MB')
    for kind in ('empty database', 'restart'):
        ratio = statistics.median(x[0] for x in seen[('product', kind)]) / statistics.median(x[0] for x in seen[('bare', kind)])
        result('startup', db, 'ratio', kind, 'product/bare time to ready (goal <= 1.5)', round(ratio, 2), 'x')


# ---------------------------------------------------------------- main
def build():
    if ARGS.build or not os.path.exists(PRODUCT_JAR):
        log('building the product jar')
        subprocess.run(['mvn', '-q', '-B', 'package', '-DskipTests', '-Dbpmnlint.skip=true'], cwd=ROOT, check=True)
    if ARGS.build or not (os.path.exists(BARE_JAR) and os.path.exists(SUPPORT_JAR)):
        log('building the bare peer and the bench support jar')
        subprocess.run(['mvn', '-q', '-B', 'package', '-DskipTests'], cwd=os.path.join(ROOT, 'benchmark'), check=True)


def write():
    """results.{csv,json} of this run, and a copy named after its databases (results-h2.csv, ...)."""
    os.makedirs(OUT, exist_ok=True)
    for name in ('results', 'results-' + ARGS.db.replace(',', '-')):
        with open(os.path.join(OUT, name + '.json'), 'w', encoding='utf-8') as f:
            json.dump({'args': vars(ARGS), 'job_execution': product_je(), 'results': rows}, f, indent=1, ensure_ascii=False)
        with open(os.path.join(OUT, name + '.csv'), 'w', newline='', encoding='utf-8') as f:
            w = csv.DictWriter(f, fieldnames=['part', 'db', 'peer', 'config', 'metric', 'value', 'unit', 'note'])
            w.writeheader()
            w.writerows(rows)


def table():
    print()
    print('| part | db | peer | config | metric | value | unit | note |')
    print('|---|---|---|---|---|---|---|---|')
    for r in rows:
        print('| %s |' % ' | '.join(str(r[k]) for k in ('part', 'db', 'peer', 'config', 'metric', 'value', 'unit', 'note')))


# --quick: the same table, small; every ratio is there, its figures noisier than the long run's.
QUICK = {'db': 'h2', 'parts': 'startup,walk,storm', 'n': 15, 'storm_n': 1000, 'storm_configs': 'tuned,bare',
         'startup_rounds': 1, 'storm_timeout': 120}


def main():
    global ARGS, SINK
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('--db', default='h2,postgres', help='h2, postgres or both (comma-separated)')
    ap.add_argument('--parts', default='walk,storm,read,startup')
    ap.add_argument('--n', type=int, default=200, help='exercises walked per peer (national: 2500)')
    ap.add_argument('--clients', type=int, default=4, help='concurrent HTTP clients (walk and read)')
    ap.add_argument('--open-exercises', type=int, default=32, help='walk: ' + OPEN_EXERCISES)
    ap.add_argument('--storm-n', type=int, default=25000, help='reminders falling due at once')
    ap.add_argument('--storm-configs', default='tuned,default,bare,two',
                    help='tuned,default,bare,bare-default,two (the product: its reminders come from the sweep); '
                         'sweeper (the product seeded apart, its tasks fall due at once), sweeper-two (two such '
                         'nodes, PostgreSQL)')
    ap.add_argument('--reuse-seed', action='store_true',
                    help='H2: storm on the database seeded by an earlier run with the same --storm-n (experiments)')
    ap.add_argument('--storm-timeout', type=int, default=1200, help='seconds before a storm is cut short')
    ap.add_argument('--read-n', type=int, default=2500, help='exercises seeded for the read side')
    ap.add_argument('--read-requests', type=int, default=200, help='measured requests per URL')
    ap.add_argument('--read-warmup', type=int, default=32, help='serial requests per URL before measuring (32: every entidad once)')
    ap.add_argument('--people', type=int, default=50, help='people working in Tasklist at once (people part)')
    ap.add_argument('--people-exercises', type=int, default=3, help='exercises started per entidad for the people')
    ap.add_argument('--people-warmup', type=int, default=1,
                    help='rounds of the same work before the measured one, reported apart (a node just started is cold)')
    ap.add_argument('--people-think', type=float, default=1.0, help='seconds a person thinks between calls (mean)')
    ap.add_argument('--pool', type=int, default=20, help='JDBC pool size of every node (both peers)')
    ap.add_argument('--pg-params', default='',
                    help='pgjdbc URL parameters of every PostgreSQL node, both peers, e.g. prepareThreshold=1 (experiments)')
    ap.add_argument('--sqltop-peers', default='product,bare',
                    help='sqltop: peers walked, in turn: product, bare, product-sweeper (its reminder design named)')
    ap.add_argument('--product-props', default='',
                    help='properties of every product node, e.g. cocreacion.reminders.sweep-every=PT30S (walk, sqltop '
                         'and stormtop); a storm configuration\'s own still win')
    ap.add_argument('--je', default='', help='job executor settings to try, e.g. core-pool-size=6,queue-capacity=24 (experiments)')
    ap.add_argument('--startup-rounds', type=int, default=3, help='alternating start-up rounds (medians reported)')
    ap.add_argument('--jfr', action='store_true', help='storm: Java Flight Recording of node 1 during the drain (diagnosis)')
    ap.add_argument('--vacuum-every', type=int, default=60,
                    help='PostgreSQL without autovacuum: seconds between the benchmark\'s VACUUM (ANALYZE) runs (0: none)')
    ap.add_argument('--build', action='store_true', help='rebuild the jars even if present')
    ap.add_argument('--quick', action='store_true',
                    help='a check before the long runs (under 5 minutes on 2 cores): H2, start-up once, a walk of '
                         '%(n)d exercises, a storm of %(storm_n)d reminders (product tuned and bare); explicit '
                         'options still win' % QUICK)
    if '--quick' in sys.argv[1:]:
        ap.set_defaults(**QUICK)
    ARGS = ap.parse_args()
    signal.signal(signal.SIGTERM, lambda *a: sys.exit(143))  # stop the nodes (finally blocks) on timeout/kill
    os.makedirs(os.path.join(OUT, 'logs'), exist_ok=True)
    build()
    SINK = Sink()
    log('job executor of the product (application.yaml):', product_je())
    parts = {'walk': walk_part, 'storm': storm_part, 'read': read_part, 'people': people_part, 'startup': startup_part,
             'sqltop': sqltop_part,
             'stormtop': stormtop_part}
    try:
        for db in ARGS.db.split(','):
            for part in ARGS.parts.split(','):
                log('== %s on %s' % (part, db))
                try:
                    parts[part](db)
                except Exception as e:  # the other parts still run; the failure is in the table
                    result(part, db, '-', '-', 'FAILED', repr(e)[:200])
                write()
    finally:
        for nd in RUNNING:
            nd.stop()
        write()
        table()
        print('\nwritten: %s/results.csv and results.json' % OUT)


if __name__ == '__main__':
    main()
