import { mountPage } from '@/components/pages/mount-page';
import { PopupApp } from '@/components/popup/PopupApp';

void mountPage(document.getElementById('app'), PopupApp);
