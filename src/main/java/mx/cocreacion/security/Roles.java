package mx.cocreacion.security;

import java.util.List;

/** The global Camunda groups of the contract; tenant membership scopes them to an entidad. */
public final class Roles {

  public static final String GUARANTOR = "guarantor";
  public static final String SOCIETY = "society";
  public static final String GOVERNMENT = "government";
  public static final String STL = "stl";
  public static final String FACILITATOR = "facilitator";
  public static final String INAI = "inai";
  public static final String CAMUNDA_ADMIN = "camunda-admin";

  /** Groups of the people of one entidad (everything but inai and camunda-admin). */
  public static final List<String> LOCAL = List.of(GUARANTOR, SOCIETY, GOVERNMENT, STL, FACILITATOR);

  public static String label(String group) {
    return switch (group) {
      case GUARANTOR -> "Organismo garante";
      case SOCIETY -> "Sociedad civil";
      case GOVERNMENT -> "Autoridad";
      case STL -> "Secretariado Técnico Local";
      case FACILITATOR -> "Persona facilitadora";
      case INAI -> "Supervisión nacional (INAI)";
      case CAMUNDA_ADMIN -> "Administración de la plataforma";
      default -> group;
    };
  }

  private Roles() {}
}
