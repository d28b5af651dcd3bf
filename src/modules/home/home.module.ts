import { Module } from '@nestjs/common';
import { HomeController } from './home.controller.js';
import { HomeFeed } from './home-feed.service.js';

/** GET /home: the start page's glance across tournaments. */
@Module({ controllers: [HomeController], providers: [HomeFeed] })
export class HomeModule {}
