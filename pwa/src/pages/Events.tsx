import { useRecords } from "../lib/data";
import { countryName, formatDate, formatDateTime, t } from "../lib/i18n";
import type { Campaign, EventRecord } from "../store/records";

function EventItem({ event }: { event: EventRecord }) {
  const where = [event.place, event.city, event.country ? countryName(event.country) : ""].filter(Boolean).join(", ");
  return (
    <li>
      <div class="card-like">
        <strong>{event.title}</strong>
        <br />
        <span class="muted">
          {formatDateTime(event.starts_at)}
          {where ? ` · ${where}` : ""}
          {event.is_online ? ` · ${t("events.online")}` : ""}
          {event.organization_name ? ` · ${event.organization_name}` : ""}
        </span>
        {event.description && <p class="prose">{event.description}</p>}
      </div>
    </li>
  );
}

function CampaignItem({ campaign }: { campaign: Campaign }) {
  return (
    <section>
      <h2>{campaign.name}</h2>
      <p class="muted">
        {formatDate(campaign.start_date)} – {formatDate(campaign.end_date)}
        {campaign.hashtag ? ` · ${campaign.hashtag}` : ""}
      </p>
      {campaign.description && <p class="prose">{campaign.description}</p>}
      {campaign.demands && <p class="prose">{campaign.demands}</p>}
    </section>
  );
}

export function Events() {
  const campaigns = useRecords("campaign");
  const events = useRecords("event");
  if (campaigns === null || events === null) return <p>{t("common.loading")}</p>;
  const now = new Date().toISOString();
  const sorted = [...events].sort((a, b) => a.starts_at.localeCompare(b.starts_at));
  const upcoming = sorted.filter((e) => e.ends_at >= now);
  const past = sorted.filter((e) => e.ends_at < now).reverse();
  return (
    <section>
      <h1>{t("events.title")}</h1>
      {campaigns.length === 0 && events.length === 0 && <p class="empty">{t("events.none")}</p>}
      {[...campaigns]
        .sort((a, b) => b.start_date.localeCompare(a.start_date))
        .map((campaign) => (
          <CampaignItem key={campaign.id} campaign={campaign} />
        ))}
      {upcoming.length > 0 && (
        <>
          <h2>{t("events.upcoming")}</h2>
          <ul class="list">
            {upcoming.map((event) => (
              <EventItem key={event.id} event={event} />
            ))}
          </ul>
        </>
      )}
      {past.length > 0 && (
        <>
          <h2>{t("events.past")}</h2>
          <ul class="list">
            {past.map((event) => (
              <EventItem key={event.id} event={event} />
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
