/*
 * Cocreación desde lo local: Mexico's regional settings in Tasklist, Cockpit and Admin, whatever the browser's.
 *
 * Everyone works in Mexico City time (e-mails, PDFs and the microsite say so), but the stock webapps show
 * every date in the browser's zone and have no setting for it: a person travelling in Madrid would read a due
 * date seven hours off. This script, loaded by each app through customScripts (scripts/config.js):
 *
 *  - makes the webapps' moment.js (which formats every date they show: due, created, history, Cockpit's
 *    instances) show Mexico City time. moment offers updateOffset as the hook for this (moment-timezone uses
 *    it the same way): a moment in the browser's local time is turned into one at Mexico City's offset for its
 *    instant; a date written without a zone is read as Mexico City's wall time;
 *  - does the same for AngularJS's date filter, which some views use instead of moment (Tasklist's history);
 *  - makes es-MX and Mexico City Intl.DateTimeFormat's defaults: the date fields of Camunda Forms read and
 *    write dd/mm/aaaa (form-js takes the pattern from Intl.DateTimeFormat('default')), their values stay
 *    yyyy-MM-dd; the footer names the zone the dates are in;
 *  - says the page is Spanish (html lang="es-MX": screen readers, the browser's translation offer).
 *
 * moment is a module of the webapps' shared bundle (lib/deps.js); the bundle exposes its module loader to
 * chunks pushed onto its queue, which is how this script borrows it. If a later Camunda moves moment, the
 * script looks for it by its source; CalendarBrowserTest fails if the dates are no longer Mexico City's.
 */

export const ZONE = 'America/Mexico_City';
export const LOCALE = 'es-MX';
const MOMENT_MODULE = 98024; // lib/deps.js of Camunda 7.24.0

const wallClock = new Intl.DateTimeFormat('en-US', {
  timeZone: ZONE, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric',
  hour: 'numeric', minute: 'numeric', second: 'numeric'
});

/** Mexico City's offset from UTC in minutes at the instant {@code ms} (-360 since 2022, no daylight saving). */
export function offsetAt(ms) {
  const parts = {};
  for (const part of wallClock.formatToParts(new Date(ms))) {
    parts[part.type] = part.value;
  }
  const wall = Date.UTC(+parts.year, +parts.month - 1, +parts.day, +parts.hour % 24, +parts.minute, +parts.second);
  return Math.round((wall - Math.floor(ms / 1000) * 1000) / 60000);
}

function isMoment(candidate) {
  return !!candidate && typeof candidate === 'function' && typeof candidate.updateOffset === 'function'
    && typeof candidate.version === 'string' && typeof candidate.utc === 'function';
}

/** The webapps' moment, borrowed from the bundle's module loader; null when the bundle is not there. */
function webappsMoment() {
  const queue = self.webpackChunkcamunda_bpm_webapp;
  if (!queue || typeof queue.push !== 'function') {
    return null;
  }
  let load = null;
  queue.push([['cocreacion-configuracion-regional'], {}, loader => { load = loader; }]);
  if (!load) {
    return null;
  }
  try {
    const known = load(MOMENT_MODULE);
    if (isMoment(known)) {
      return known;
    }
  } catch (notThere) {
    // another Camunda version: look for it below
  }
  for (const id of Object.keys(load.m || {})) {
    if (String(load.m[id]).indexOf('.updateOffset=function(){}') >= 0) {
      const found = load(id);
      if (isMoment(found)) {
        return found;
      }
    }
  }
  return null;
}

/** A moment parsed from a text without zone (e.g. "2027-03-01T10:00"): its numbers are a wall time. */
function isWallTime(mom) {
  return !!mom._a && mom._tzm === undefined && mom._f !== 'X' && mom._f !== 'x';
}

export function useMexicoCityTime(moment) {
  // a moment keeps what it was parsed from only if asked to (moment-timezone asks the same)
  if (Array.isArray(moment.momentProperties) && moment.momentProperties.indexOf('_a') < 0) {
    moment.momentProperties.push('_a');
  }
  const original = moment.updateOffset;
  moment.updateOffset = function (mom, keepTime) {
    if (mom._isUTC || !mom.isValid() || mom._cocreacionZone) {
      return original.call(this, mom, keepTime);
    }
    mom._cocreacionZone = true;
    try {
      if (isWallTime(mom)) {
        const wall = moment.utc(mom._a).valueOf();
        mom._d = new Date(wall - offsetAt(wall) * 60000);
        mom.utcOffset(offsetAt(mom._d.valueOf()));
      } else {
        mom.utcOffset(offsetAt(mom.valueOf()), keepTime);
      }
    } finally {
      mom._cocreacionZone = false;
    }
  };
  moment.fn.local = function (keepLocalTime) {
    // "back to the browser's zone" means Mexico City's here
    return this.utcOffset(offsetAt(this.valueOf()), keepLocalTime);
  };
}

/** "-0600" for -360: how AngularJS's date filter names an offset. */
function offsetText(minutes) {
  const sign = minutes < 0 ? '-' : '+';
  const hours = String(Math.floor(Math.abs(minutes) / 60)).padStart(2, '0');
  return sign + hours + String(Math.abs(minutes) % 60).padStart(2, '0');
}

const INSTANT_TEXT = /(Z|[+-]\d\d:?\d\d)$/;

/**
 * AngularJS's date filter (Tasklist's history shows its times with it) in Mexico City time, for instants:
 * numbers and texts with a zone, as the engine's REST API writes them. A Date object or a text without zone is
 * a wall time the webapps built themselves (the due-date editor does), and is shown as it is.
 */
function useMexicoCityTimeInAngular(angular) {
  angular.module('ng').config(['$provide', $provide => {
    $provide.decorator('dateFilter', ['$delegate', $delegate => {
      const filter = function (date, format, timezone) {
        const instant = typeof date === 'number' || (typeof date === 'string' && INSTANT_TEXT.test(date.trim()));
        const ms = typeof date === 'number' ? date : Date.parse(date);
        if (timezone || !instant || isNaN(ms)) {
          return $delegate(date, format, timezone);
        }
        return $delegate(date, format, offsetText(offsetAt(ms)));
      };
      filter.$stateful = $delegate.$stateful;
      return filter;
    }]);
  }]);
}

function useSpanishDateFormats() {
  const Original = Intl.DateTimeFormat;
  if (Original.cocreacion) {
    return;
  }
  const withLocale = locales => (locales === undefined || locales === 'default' ? LOCALE : locales);
  const withZone = options => (options && options.timeZone ? options : Object.assign({}, options, { timeZone: ZONE }));
  function DateTimeFormat(locales, options) {
    return new Original(withLocale(locales), withZone(options));
  }
  DateTimeFormat.prototype = Original.prototype;
  DateTimeFormat.supportedLocalesOf = Original.supportedLocalesOf.bind(Original);
  DateTimeFormat.cocreacion = true;
  Intl.DateTimeFormat = DateTimeFormat;
}

document.documentElement.setAttribute('lang', LOCALE);
useSpanishDateFormats();
if (window.angular && typeof window.angular.module === 'function') {
  useMexicoCityTimeInAngular(window.angular);
}
const moment = webappsMoment();
if (moment) {
  useMexicoCityTime(moment);
} else {
  console.error('Cocreación: no se encontró moment en lib/deps.js; las fechas se muestran en la zona del navegador.');
}

// The webapps treat a custom script's default export as front-end plugins; this one adds none.
export default [];
