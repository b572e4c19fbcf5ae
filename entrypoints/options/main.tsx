import { OptionsApp } from '@/components/options/OptionsApp';
import { mountPage } from '@/components/pages/mount-page';

void mountPage(document.getElementById('app'), OptionsApp);
