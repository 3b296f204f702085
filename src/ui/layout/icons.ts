import { ChatLineSquare, DataBoard, Files, Histogram, Checked, Connection, Document, EditPen, HomeFilled, Notebook, Setting, Stamp, Tickets, TrendCharts, User, OfficeBuilding, Calendar, Finished, List, Reading, Share } from '@element-plus/icons-vue';
import type { Component } from 'vue';

/** The icons the server's menu may name (MenuEntry.icon); an unknown name shows a plain document icon. */
const icons: Record<string, Component> = { HomeFilled, User, Setting, Document, EditPen, Stamp, TrendCharts, Notebook, Checked, Tickets, Connection, ChatLineSquare, Histogram, DataBoard, Files, OfficeBuilding, Calendar, Finished, List, Reading, Share };

export function menuIcon(name: string): Component {
  return icons[name] ?? Document;
}
