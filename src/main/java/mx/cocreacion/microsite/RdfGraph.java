package mx.cocreacion.microsite;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small RDF graph, written as Turtle and as JSON-LD from the same triples (the data catalogue's two
 * formats cannot say different things). Predicates and types are prefixed names of {@link #PREFIXES};
 * subjects and objects are IRIs, blank nodes or literals (plain with a language, or typed).
 */
final class RdfGraph {

  static final Map<String, String> PREFIXES = prefixes();

  private static Map<String, String> prefixes() {
    Map<String, String> p = new LinkedHashMap<>();
    p.put("dcat", "http://www.w3.org/ns/dcat#");
    p.put("dct", "http://purl.org/dc/terms/");
    p.put("foaf", "http://xmlns.com/foaf/0.1/");
    p.put("vcard", "http://www.w3.org/2006/vcard/ns#");
    p.put("skos", "http://www.w3.org/2004/02/skos/core#");
    p.put("xsd", "http://www.w3.org/2001/XMLSchema#");
    p.put("rdf", "http://www.w3.org/1999/02/22-rdf-syntax-ns#");
    return Collections.unmodifiableMap(p);
  }

  sealed interface Term permits Iri, Blank, Literal {}

  record Iri(String value) implements Term {}

  record Blank(int id) implements Term {}

  /** A literal: with a language ("es") or a datatype (a prefixed name such as "xsd:date"), or neither. */
  record Literal(String lexical, String datatype, String language) implements Term {}

  private record Triple(Term subject, String predicate, Term object) {}

  private final List<Triple> triples = new ArrayList<>();
  private int blanks;

  Blank blank() {
    return new Blank(++blanks);
  }

  static Iri iri(String value) {
    return new Iri(value);
  }

  static Literal spanish(String text) {
    return new Literal(text, null, "es");
  }

  static Literal typed(String lexical, String datatype) {
    return new Literal(lexical, datatype, null);
  }

  static Literal plain(String text) {
    return new Literal(text, null, null);
  }

  /** Adds the triple; a null object adds nothing (an optional value that is absent). */
  RdfGraph add(Term subject, String predicate, Term object) {
    if (object != null) {
      triples.add(new Triple(subject, predicate, object));
    }
    return this;
  }

  /** Turtle (RDF 1.1): the prefixes, then each subject with its predicates and objects, in the order added. */
  String turtle() {
    StringBuilder out = new StringBuilder();
    PREFIXES.forEach((prefix, namespace) -> out.append("@prefix ").append(prefix).append(": <").append(namespace)
        .append("> .\n"));
    bySubject().forEach((subject, ofSubject) -> {
      out.append('\n').append(turtle(subject));
      Map<String, List<Term>> byPredicate = byPredicate(ofSubject);
      int p = 0;
      for (var entry : byPredicate.entrySet()) {
        out.append(p++ == 0 ? "\n    " : " ;\n    ").append("rdf:type".equals(entry.getKey()) ? "a" : entry.getKey())
            .append(' ');
        List<Term> objects = entry.getValue();
        for (int o = 0; o < objects.size(); o++) {
          out.append(o == 0 ? "" : ", ").append(turtle(objects.get(o)));
        }
      }
      out.append(" .\n");
    });
    return out.toString();
  }

  /** JSON-LD 1.1, flattened: a context of the prefixes and one node per subject in {@code @graph}. */
  Map<String, Object> jsonLd() {
    Map<String, Object> document = new LinkedHashMap<>();
    document.put("@context", PREFIXES);
    List<Map<String, Object>> graph = new ArrayList<>();
    bySubject().forEach((subject, ofSubject) -> {
      Map<String, Object> node = new LinkedHashMap<>();
      node.put("@id", id(subject));
      byPredicate(ofSubject).forEach((predicate, objects) -> {
        if ("rdf:type".equals(predicate)) {
          node.put("@type", objects.stream().map(o -> ((Iri) o).value()).toList());
        } else {
          node.put(predicate, objects.stream().map(RdfGraph::jsonLd).toList());
        }
      });
      graph.add(node);
    });
    document.put("@graph", graph);
    return document;
  }

  private Map<Term, List<Triple>> bySubject() {
    Map<Term, List<Triple>> out = new LinkedHashMap<>();
    triples.forEach(t -> out.computeIfAbsent(t.subject(), s -> new ArrayList<>()).add(t));
    return out;
  }

  private static Map<String, List<Term>> byPredicate(List<Triple> ofSubject) {
    Map<String, List<Term>> out = new LinkedHashMap<>();
    ofSubject.forEach(t -> out.computeIfAbsent(t.predicate(), p -> new ArrayList<>()).add(t.object()));
    return out;
  }

  private static String turtle(Term term) {
    if (term instanceof Iri iri) {
      // Full IRIs in angle brackets; a type or a prefixed name (dcat:Dataset) as it is.
      return iri.value().contains("://") || iri.value().startsWith("mailto:") ? "<" + escapeIri(iri.value()) + ">" : iri.value();
    }
    if (term instanceof Blank blank) {
      return "_:b" + blank.id();
    }
    Literal l = (Literal) term;
    return "\"" + escapeString(l.lexical()) + "\""
        + (l.language() != null ? "@" + l.language() : l.datatype() != null ? "^^" + l.datatype() : "");
  }

  private static Object jsonLd(Term term) {
    if (term instanceof Iri iri) {
      return Map.of("@id", iri.value());
    }
    if (term instanceof Blank blank) {
      return Map.of("@id", "_:b" + blank.id());
    }
    Literal l = (Literal) term;
    return l.language() != null ? Map.of("@value", l.lexical(), "@language", l.language())
        : l.datatype() != null ? Map.of("@value", l.lexical(), "@type", l.datatype()) : Map.of("@value", l.lexical());
  }

  private static String id(Term subject) {
    return subject instanceof Iri iri ? iri.value() : "_:b" + ((Blank) subject).id();
  }

  /** Characters an IRIREF may not hold written as \\u escapes (none of the product's URLs has them). */
  private static String escapeIri(String iri) {
    StringBuilder out = new StringBuilder();
    iri.codePoints().forEach(c -> {
      if (c <= 0x20 || "<>\"{}|^`\\".indexOf(c) >= 0) {
        out.append(String.format("\\u%04X", c));
      } else {
        out.appendCodePoint(c);
      }
    });
    return out.toString();
  }

  private static String escapeString(String text) {
    StringBuilder out = new StringBuilder();
    text.codePoints().forEach(c -> {
      if (c == '\\') {
        out.append("\\\\");
      } else if (c == '"') {
        out.append("\\\"");
      } else if (c == '\n') {
        out.append("\\n");
      } else if (c == '\r') {
        out.append("\\r");
      } else if (c == '\t') {
        out.append("\\t");
      } else if (c < 0x20 || c == 0x7F) {
        out.append(String.format("\\u%04X", c));
      } else {
        out.appendCodePoint(c);
      }
    });
    return out.toString();
  }
}
