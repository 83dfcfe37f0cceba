// @name attendance
// @description Who attended which events, with dates and sources: one event, or the most mentioned events that have attendees.
// @param event: string = "" -- an event's name, alias or id; empty for the most mentioned events
// @param events: int(1..200) = 20 -- with no event given, how many events
// @param limit: int(1..1000) = 200 -- at most this many rows
// The most mentioned events are read from the entity_mentions index in its order, stopping at the limit; the
// filter on `given` before the inner CALL keeps that scan from running at all when an event is named.
// Ids are unique on :Entity (an :Event-only match would scan every event), so the id is matched there.
CALL {
  WITH $event AS given WHERE given = ''
  CALL () {
    MATCH (event:Entity) USING INDEX event:Entity(mentionCount)
    WHERE event.mentionCount IS NOT NULL AND event:Event AND EXISTS { ()-[:ATTENDED]->(event) }
    RETURN event ORDER BY event.mentionCount DESC, event.id LIMIT $events
  }
  RETURN event
  UNION
  MATCH (event:Entity {id: $event}) WHERE event:Event RETURN event
  UNION
  CALL db.index.fulltext.queryNodes('entity_names', '"' + replace(replace($event, '\\', '\\\\'), '"', '\\"') + '"') YIELD node
  WITH node AS event
  WHERE $event <> '' AND event:Event
    AND (toLower(event.name) = toLower($event) OR any(alias IN event.aliases WHERE toLower(alias) = toLower($event)))
  RETURN event
}
MATCH (who:Entity)-[fact:ATTENDED]->(event)
RETURN event,
       who AS attendee,
       [label IN labels(who) WHERE label <> 'Entity'] AS types,
       fact.dates AS dates,
       fact.text AS text,
       fact.sources AS sources,
       fact.sourceNames AS sourceNames,
       fact
ORDER BY event.mentionCount DESC, event.name, attendee.name
LIMIT $limit
