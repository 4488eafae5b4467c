#!/usr/bin/env python3
"""Where a flight recording's CPU samples go (diagnosis for ./bench --jfr or BENCH_JAVA_OPTS recordings).

  python3 benchmark/jfrtop.py target/bench/storm-product-tuned.jfr [--threads job-executor] [--top 30]

Prints the samples by library of the innermost frame (H2, PostgreSQL driver, MyBatis, Camunda, the
product, mail, ...), the methods with most samples of their own, and the product's and Camunda's
commands by samples spent inside them (inclusive). Uses the JDK's `jfr` tool."""
import argparse
import collections
import re
import subprocess

LIBRARIES = [('H2', 'org.h2.'), ('PostgreSQL driver', 'org.postgresql.'), ('Hikari', 'com.zaxxer.'),
             ('MyBatis', 'org.apache.ibatis.'), ('mail', ('jakarta.mail.', 'org.eclipse.angus.', 'com.sun.mail.')),
             ('product', 'mx.cocreacion.'), ('Camunda', 'org.camunda.'), ('Spring', 'org.springframework.'),
             ('Jackson', 'com.fasterxml.'), ('Tomcat', 'org.apache.'), ('JDK', ('java.', 'javax.', 'jdk.', 'sun.')),
             ]
INCLUSIVE = ('mx.cocreacion.', 'org.camunda.bpm.engine.impl.cmd.', 'org.camunda.bpm.engine.impl.jobexecutor.',
             'org.camunda.bpm.engine.impl.db.entitymanager.DbEntityManager.flush',
             'org.camunda.bpm.engine.impl.persistence.entity.', 'org.springframework.mail.')


def library(frame):
    for name, prefix in LIBRARIES:
        if frame.startswith(prefix):
            return name
    return 'other'


def samples(path, threads):
    out = subprocess.run(['jfr', 'print', '--events', 'jdk.ExecutionSample', '--stack-depth', '96', path],
                         check=True, capture_output=True, text=True).stdout
    for event in out.split('jdk.ExecutionSample')[1:]:
        thread = re.search(r'sampledThread = "([^"]*)"', event)
        if threads and not (thread and re.search(threads, thread.group(1))):
            continue
        trace = re.search(r'stackTrace = \[(.*?)\n\s*\]', event, re.S)
        if not trace:
            continue
        frames = [re.sub(r'\s+line:.*$', '', f.strip()) for f in trace.group(1).strip().splitlines()
                  if f.strip() and f.strip() != '...']
        if frames:
            yield frames


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('jfr')
    ap.add_argument('--threads', default='', help='regular expression of the thread names to keep')
    ap.add_argument('--top', type=int, default=30)
    args = ap.parse_args()
    libs, own, inside, n = collections.Counter(), collections.Counter(), collections.Counter(), 0
    for frames in samples(args.jfr, args.threads):
        n += 1
        libs[library(frames[0])] += 1
        own[frames[0]] += 1
        for method in {re.sub(r'\(.*$', '', f) for f in frames if f.startswith(INCLUSIVE)}:
            inside[method] += 1
    print('%d samples%s\n' % (n, ' of threads ~ ' + args.threads if args.threads else ''))
    if not n:
        return
    print('innermost frame by library')
    for name, c in libs.most_common():
        print('  %5.1f %%  %s' % (100 * c / n, name))
    print('\nmethods with most samples of their own')
    for m, c in own.most_common(args.top):
        print('  %5.1f %%  %s' % (100 * c / n, m))
    print('\nthe product, Camunda commands and entities, Spring mail: samples inside (inclusive)')
    for m, c in inside.most_common(args.top * 2):
        print('  %5.1f %%  %s' % (100 * c / n, m))


if __name__ == '__main__':
    main()
