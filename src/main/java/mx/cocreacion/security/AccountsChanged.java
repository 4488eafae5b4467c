package mx.cocreacion.security;

/**
 * The process changed someone's account (created, given a group or an entidad, or withdrawn): whoever keeps
 * copies of accounts, groups or e-mail addresses (the reminders' recipients) forgets them. Published by
 * {@link AccountProvisioning} at once, as the change is made.
 */
public record AccountsChanged(String userId) {}
