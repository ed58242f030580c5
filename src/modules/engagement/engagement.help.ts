export const ENGAGEMENT_HELP = `hub engagement campaigns [--from DATE] [--to DATE] [--origin national|local] [--district D]|campaign ID
hub engagement events [--from DATE] [--to DATE] [--district D] [--kind KIND]|event ID
hub engagement feedback [--from DATE] [--to DATE] [--district D] [--kind compliment|feedback] [--publishable]|feedback-item ID
  Campaigns (national or local, channel, dates, reach and engagement), events (attendance, partners), public feedback
  and compliments (names only in one item's view, which is audited).
hub engagement summary --from DATE --to DATE [--as-of DATE] [--json]
  The quarterly report's counts: campaigns running, events and attendance, feedback, and the quotes with consent to publish.
hub engagement add-campaign|update-campaign ID|add-event|update-event ID|add-feedback|consent FEEDBACK_ID --body JSON
  The same changes as the API (JSON bodies of /api/engagement), audited as cli:<os user>.`;
