package mx.cocreacion.calendar;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The secret of each person's calendar feed ({@code cc_calendar_token}): 256 random bits, URL-safe Base64
 * (43 characters). Only its SHA-256 is stored, so the table alone opens no feed; the person sees the token once,
 * when it is created or renewed. A person has at most one: renewing replaces it, and the old URL answers 404.
 */
@Repository
public class CalendarTokens {

  /** What a token looks like; anything else is not looked up at all. */
  static final Pattern FORMAT = Pattern.compile("[A-Za-z0-9_-]{43}");
  private static final SecureRandom RANDOM = new SecureRandom();

  private final JdbcClient jdbc;

  public CalendarTokens(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** A new token for {@code userId}, replacing the one they had (whose URL stops working at once). */
  @Transactional
  public String renew(String userId) {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    jdbc.sql("delete from cc_calendar_token where user_id = :u").param("u", userId).update();
    jdbc.sql("insert into cc_calendar_token (user_id, token_hash, created_at) values (:u, :h, :c)")
        .param("u", userId).param("h", hash(token))
        .param("c", Timestamp.from(ClockUtil.getCurrentTime().toInstant()))
        .update();
    return token;
  }

  /** The person whose feed {@code token} opens, if it is their current one. */
  public Optional<String> userOf(String token) {
    if (token == null || !FORMAT.matcher(token).matches()) {
      return Optional.empty();
    }
    return jdbc.sql("select user_id from cc_calendar_token where token_hash = :h")
        .param("h", hash(token)).query(String.class).optional();
  }

  /** When the person's current token was created, if they have one. */
  public Optional<Instant> createdAt(String userId) {
    return jdbc.sql("select created_at from cc_calendar_token where user_id = :u")
        .param("u", userId).query(Timestamp.class).optional().map(Timestamp::toInstant);
  }

  /** Removes the person's token (their feed URL stops working). */
  public void revoke(String userId) {
    jdbc.sql("delete from cc_calendar_token where user_id = :u").param("u", userId).update();
  }

  static String hash(String token) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
