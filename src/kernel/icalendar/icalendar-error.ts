import { BaseError } from '../../core/base-error.js';

export type ICalendarErrorCode = 'INVALID_EVENT';

/**
 * An event `renderCalendar` refuses (an empty UID, a URL with spaces, a timestamp without an
 * offset), with the field path in `where`. Feeds are rendered from stored rows, so this is a
 * programming error, never user input reaching the renderer unchecked.
 *
 * @example
 * throw new ICalendarError({ code: 'INVALID_EVENT', message: 'invalid event', where: 'events[2].url' });
 */
export class ICalendarError extends BaseError<ICalendarErrorCode> {}
